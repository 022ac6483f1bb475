#include "ConsultServer.h"

#include "Connection.h"
#include "EventHub.h"
#include "SocketListener.h"
#include "app/protocol/Limits.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

Q_LOGGING_CATEGORY(lcServer, "consult.server")

ConsultServer::ConsultServer(ServerContext &context, EventHub &events,
                             const std::optional<QSslConfiguration> &tls, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
    , m_events(events)
    , m_commitGroup(context.database)
    , m_server(new QWebSocketServer(
          QStringLiteral("consult-server"),
          tls ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode, this))
    , m_listener(new SocketListener(tls, Limits::openingHandshakeMs, this))
    , m_router(context)
    , m_site(QStringLiteral(":/web"))
    , m_statsBackfill(context.stats)
{
    m_ctx.database.setCommitGroup(&m_commitGroup);
    m_listener->setSite(&m_site);
    // The listener starts its own deadline for each socket; this one only covered sockets the
    // WebSocket server accepted itself, which it no longer does.
    m_server->setHandshakeTimeout(-1);
    connect(m_listener, &SocketListener::socketReady, m_server,
            &QWebSocketServer::handleConnection);
    connect(m_server, &QWebSocketServer::newConnection, this, &ConsultServer::onNewConnection);
    connect(m_server, &QWebSocketServer::serverError, this, [](QWebSocketProtocol::CloseCode code) {
        qCWarning(lcServer) << "handshake refused, code" << int(code);
    });
    connect(&m_sweepTimer, &QTimer::timeout, this, &ConsultServer::sweep);
    m_sweepTimer.start(std::min(1000, m_ctx.limits.idleTimeoutMs / 4));
}

ConsultServer::~ConsultServer()
{
    m_commitGroup.commit();
    m_ctx.database.setCommitGroup(nullptr);
    // Connections reference the router's services; make sure none outlives them.
    const auto connections = m_connections;
    for (Connection *c : connections)
        delete c;
}

bool ConsultServer::listen(const QHostAddress &address, quint16 port)
{
    return m_listener->listen(address, port);
}

QString ConsultServer::errorString() const
{
    return m_listener->errorString();
}

QUrl ConsultServer::url() const
{
    QUrl url;
    url.setScheme(m_server->secureMode() == QWebSocketServer::SecureMode ? QStringLiteral("wss")
                                                                         : QStringLiteral("ws"));
    url.setHost(m_listener->serverAddress().toString());
    url.setPort(m_listener->serverPort());
    return url;
}

int ConsultServer::openingCount() const
{
    return m_listener->openingCount();
}

void ConsultServer::onNewConnection()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        QTcpSocket *transport = m_listener->take(socket->peerAddress(), socket->peerPort());
        auto *connection = new Connection(socket, transport, m_ctx.limits, &m_commitGroup, this);
        m_connections.insert(connection);
        connect(connection, &Connection::requestReceived, this,
                [this](Connection *c, const Frame &frame) {
                    // Reads too run inside the group's transaction: one WAL read lock for the
                    // whole group instead of one per statement (perf: 10 % of the server's time
                    // went to taking and dropping it).
                    m_commitGroup.open();
                    m_router.handle(*c, frame);
                    m_commitGroup.requestHandled();
                });
        connect(
            connection, &Connection::binaryReceived, this,
            [this](Connection *c, const QByteArray &bytes) { m_router.handleBinary(*c, bytes); });
        connect(connection, &Connection::principalChanged, this,
                [this](Connection *c, const Principal &previous) {
                    m_events.remove(c, previous);
                    // A password check may finish after its client left; that connection is on its
                    // way out and must not be registered for events again.
                    if (m_connections.contains(c))
                        m_events.add(c);
                });
        connect(connection, &Connection::disconnected, this, &ConsultServer::onDisconnected);
    }
}

void ConsultServer::onDisconnected(Connection *connection)
{
    if (!m_connections.remove(connection))
        return;
    m_events.remove(connection, connection->principal());
    connection->deleteLater();
}

void ConsultServer::sweep()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto connections = m_connections;
    for (Connection *c : connections)
        c->checkTimers(now);
}

void ConsultServer::shutdown()
{
    m_sweepTimer.stop();
    m_listener->close();
    m_commitGroup.commit(); // what was acknowledged goes out before the close frames
    const auto connections = m_connections;
    for (Connection *c : connections) {
        m_events.remove(c, c->principal());
        c->closeWith(CloseCode::GoingAway, QStringLiteral("server shutting down"));
    }
    qCInfo(lcServer) << "stopped accepting; closed" << connections.size() << "connections";
}
