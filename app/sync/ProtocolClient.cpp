#include "ProtocolClient.h"

#include "app/protocol/Methods.h"

#include <QJsonArray>
#include <QTimer>

namespace {
// Deleted later: a socket may be replaced from inside one of its own signals.
void deleteSocketLater(QWebSocket *socket)
{
    if (socket) {
        socket->disconnect();
        socket->deleteLater();
    }
}
} // namespace

ProtocolClient::ProtocolClient(QObject *parent)
    : QObject(parent)
    , m_socket(new QWebSocket, &deleteSocketLater)
{}

ProtocolClient::~ProtocolClient()
{
    // The socket's destructor reports a disconnect; by then the pending callbacks are gone.
    m_socket->disconnect(this);
}

void ProtocolClient::open(const QUrl &url)
{
    failPending(); // the old connection's requests will not be answered
    m_socket.reset(new QWebSocket);
    m_wasConnected = false;
    m_ended = false;
    QWebSocket *socket = m_socket.get();
    if (m_tls)
        socket->setSslConfiguration(*m_tls);
    connect(socket, &QWebSocket::connected, this, [this] {
        m_wasConnected = true;
        Q_EMIT opened();
    });
    connect(socket, &QWebSocket::textMessageReceived, this, &ProtocolClient::onText);
    connect(socket, &QWebSocket::binaryMessageReceived, this, &ProtocolClient::binaryReceived);
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { onEnded(socket); });
    // A refused or failed attempt reports an error, and not always a disconnect.
    connect(socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
            [this, socket] {
                if (socket->state() == QAbstractSocket::UnconnectedState)
                    onEnded(socket);
            });
    socket->open(url);
}

void ProtocolClient::onEnded(QWebSocket *socket)
{
    if (socket != m_socket.get())
        return;
    socket->disconnect(this); // report this connection's end once
    m_ended = true;
    failPending();
    Q_EMIT closed(m_wasConnected ? socket->closeCode() : 0, socket->closeReason());
}

void ProtocolClient::close(int code)
{
    m_socket->close(static_cast<QWebSocketProtocol::CloseCode>(code));
}

void ProtocolClient::abort()
{
    if (m_ended)
        return;
    m_ended = true;
    m_socket->disconnect(this);
    m_socket->abort();
    failPending();
    Q_EMIT closed(0, QString());
}

bool ProtocolClient::isOpen() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

void ProtocolClient::flush()
{
    m_socket->flush();
}

QString ProtocolClient::request(const QString &method, const QJsonObject &params, Callback callback)
{
    const QString id = QString::number(m_nextId++);
    if (!isOpen()) {
        // Nothing would be written and no reply would come: answer now, asynchronously, as
        // every other reply is.
        if (callback)
            QTimer::singleShot(0, this, [this, id, callback = std::move(callback)] {
                callback(connectionLost(id));
            });
        return id;
    }
    if (callback)
        m_pending.insert(id, std::move(callback));
    m_socket->sendTextMessage(QString::fromUtf8(encodeRequest(id, method, params)));
    return id;
}

QString ProtocolClient::hello(Callback callback, const QList<int> &versions)
{
    QJsonArray offered;
    for (int v : versions)
        offered.append(v);
    return request(Method::Hello,
                   {{QStringLiteral("versions"), offered},
                    {QStringLiteral("client"), QStringLiteral("responder-console")}},
                   std::move(callback));
}

void ProtocolClient::sendBinary(const QByteArray &bytes)
{
    m_socket->sendBinaryMessage(bytes);
}

void ProtocolClient::onText(const QString &text)
{
    const auto frame = decodeFrame(text.toUtf8());
    if (!frame)
        return; // a server bug; nothing a client can answer
    if (frame->type == Frame::Type::Event) {
        Q_EMIT eventReceived(frame->event, frame->payload);
        return;
    }
    const auto callback = m_pending.take(frame->id);
    if (callback) {
        callback(*frame);
        return;
    }
    if (frame->type == Frame::Type::Error)
        Q_EMIT unmatchedError(*frame);
}

void ProtocolClient::failPending()
{
    const auto pending = std::exchange(m_pending, {});
    for (auto it = pending.cbegin(); it != pending.cend(); ++it)
        it.value()(connectionLost(it.key()));
}

Frame ProtocolClient::connectionLost(const QString &id)
{
    Frame lost;
    lost.type = Frame::Type::Error;
    lost.id = id;
    lost.errorCode = ErrorCode::Internal;
    lost.errorMessage = QStringLiteral("connection lost");
    return lost;
}
