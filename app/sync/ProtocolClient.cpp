#include "ProtocolClient.h"

#include <QTimer>

ProtocolClient::ProtocolClient(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QWebSocket::connected, this, &ProtocolClient::opened);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &ProtocolClient::onText);
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, &ProtocolClient::binaryReceived);
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        failPending();
        Q_EMIT closed(m_socket.closeCode(), m_socket.closeReason());
    });
}

ProtocolClient::~ProtocolClient()
{
    // The socket's destructor reports a disconnect; by then the pending callbacks are gone.
    m_socket.disconnect(this);
}

void ProtocolClient::open(const QUrl &url)
{
    failPending(); // opening again drops the old socket without a "disconnected"
    m_socket.open(url);
}

void ProtocolClient::close(int code)
{
    m_socket.close(static_cast<QWebSocketProtocol::CloseCode>(code));
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
    m_socket.sendTextMessage(QString::fromUtf8(encodeRequest(id, method, params)));
    return id;
}

void ProtocolClient::sendBinary(const QByteArray &bytes)
{
    m_socket.sendBinaryMessage(bytes);
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
