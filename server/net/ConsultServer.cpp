#include "ConsultServer.h"

#include "Connection.h"
#include "Limits.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketServer>

Q_LOGGING_CATEGORY(lcServer, "consult.server")

ConsultServer::ConsultServer(ServerContext &context, const std::optional<QSslConfiguration> &tls,
                             QObject *parent)
    : QObject(parent)
    , m_ctx(context)
    , m_server(new QWebSocketServer(
          QStringLiteral("consult-server"),
          tls ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode, this))
    , m_router(context)
{
    if (tls)
        m_server->setSslConfiguration(*tls);
    m_server->setHandshakeTimeout(Limits::helloTimeoutMs);
    connect(m_server, &QWebSocketServer::newConnection, this, &ConsultServer::onNewConnection);
    connect(m_server, &QWebSocketServer::serverError, this, [](QWebSocketProtocol::CloseCode code) {
        qCWarning(lcServer) << "handshake refused, code" << int(code);
    });
    connect(&m_sweepTimer, &QTimer::timeout, this, &ConsultServer::sweep);
    m_sweepTimer.start(std::min(1000, m_ctx.limits.idleTimeoutMs / 4));
}

ConsultServer::~ConsultServer()
{
    // Connections reference the router's services; make sure none outlives them.
    const auto connections = m_connections;
    for (Connection *c : connections)
        delete c;
}

bool ConsultServer::listen(const QHostAddress &address, quint16 port)
{
    if (m_server->secureMode() == QWebSocketServer::SecureMode)
        return m_server->listen(address, port);
    // Small frames going out back to back (a reply, then events) must not wait for the peer's
    // delayed ACK, which Nagle's algorithm would make them do: that alone cost tens of
    // milliseconds at the 99th percentile. QWebSocketServer gives no access to its sockets,
    // so plain connections are accepted here and handed over after setting the option.
    m_tcp = new QTcpServer(this);
    connect(m_tcp, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_tcp->nextPendingConnection()) {
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            m_server->handleConnection(socket);
        }
    });
    return m_tcp->listen(address, port);
}

QString ConsultServer::errorString() const
{
    return m_tcp ? m_tcp->errorString() : m_server->errorString();
}

QUrl ConsultServer::url() const
{
    if (!m_tcp)
        return m_server->serverUrl();
    QUrl url;
    url.setScheme(QStringLiteral("ws"));
    url.setHost(m_tcp->serverAddress().toString());
    url.setPort(m_tcp->serverPort());
    return url;
}

void ConsultServer::onNewConnection()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        auto *connection = new Connection(socket, m_ctx.limits, this);
        m_connections.insert(connection);
        connect(connection, &Connection::requestReceived, this,
                [this](Connection *c, const Frame &frame) { m_router.handle(*c, frame); });
        connect(
            connection, &Connection::binaryReceived, this,
            [this](Connection *c, const QByteArray &bytes) { m_router.handleBinary(*c, bytes); });
        connect(connection, &Connection::principalChanged, this,
                [this](Connection *c, const Principal &previous) {
                    m_ctx.events.remove(c, previous);
                    // A password check may finish after its client left; that connection is on its
                    // way out and must not be registered for events again.
                    if (m_connections.contains(c))
                        m_ctx.events.add(c);
                });
        connect(connection, &Connection::disconnected, this, &ConsultServer::onDisconnected);
    }
}

void ConsultServer::onDisconnected(Connection *connection)
{
    if (!m_connections.remove(connection))
        return;
    m_ctx.events.remove(connection, connection->principal());
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
    if (m_tcp)
        m_tcp->close();
    m_server->close();
    const auto connections = m_connections;
    for (Connection *c : connections) {
        m_ctx.events.remove(c, c->principal());
        c->closeWith(CloseCode::GoingAway, QStringLiteral("server shutting down"));
    }
    qCInfo(lcServer) << "stopped accepting; closed" << connections.size() << "connections";
}
