#include "Connection.h"

#include "Limits.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcConnection, "consult.connection")

Connection::Connection(QWebSocket *socket, const ServerLimits &limits, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_limits(limits)
    , m_peerAddress(socket->peerAddress().toString())
    , m_rate(limits.ratePerSecond, limits.rateBurst)
{
    socket->setParent(this);
    socket->setMaxAllowedIncomingFrameSize(static_cast<quint64>(limits.maxFrameBytes));
    socket->setMaxAllowedIncomingMessageSize(static_cast<quint64>(limits.maxFrameBytes));
    m_age.start();
    m_lastActivity.start();
    connect(socket, &QWebSocket::textMessageReceived, this, &Connection::onText);
    connect(socket, &QWebSocket::binaryMessageReceived, this, &Connection::onBinary);
    connect(socket, &QWebSocket::pong, this, [this] { touch(); });
    connect(socket, &QWebSocket::disconnected, this, [this] { Q_EMIT disconnected(this); });
}

Connection::~Connection() = default;

void Connection::setPrincipal(const Principal &principal, const QString &tokenHash)
{
    const Principal previous = m_principal;
    m_principal = principal;
    m_tokenHash = tokenHash;
    Q_EMIT principalChanged(this, previous);
}

void Connection::clearPrincipal()
{
    setPrincipal(Principal{}, {});
}

bool Connection::admit(const QString &requestId)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 retryAfter = 0;
    if (m_rate.tryTake(now, &retryAfter))
        return true;
    // Counted in a window rather than "in a row": a flood keeps getting the odd request through
    // as the bucket refills, which must not reset its count.
    if (now - m_refusalWindowStart > Limits::refusalWindowMs) {
        m_refusalWindowStart = now;
        m_refusals = 0;
    }
    if (++m_refusals >= Limits::refusalsBeforeClose) {
        qCWarning(lcConnection).noquote() << "closing" << m_peerAddress << "for rate abuse";
        closeWith(CloseCode::RateAbuse, QStringLiteral("rate limit abuse"));
        return false;
    }
    sendError(requestId,
              ProtocolError::make(ErrorCode::RateLimited, QStringLiteral("too many requests"),
                                  {{QStringLiteral("retryAfterMs"), retryAfter}}));
    return false;
}

void Connection::onText(const QString &text)
{
    touch();
    auto frame = decodeFrame(text.toUtf8());
    const QString requestId = frame ? frame->id : frame.error().requestId;
    if (!admit(requestId))
        return;
    if (!isHandshaken() && (!frame || frame->type != Frame::Type::Request)) {
        refuseBeforeHandshake(requestId);
        return;
    }
    if (!frame) {
        sendError(requestId, frame.error().error);
        return;
    }
    if (frame->type != Frame::Type::Request) {
        sendError(frame->id, ProtocolError::make(ErrorCode::BadRequest,
                                                 QStringLiteral("clients send only 'req' frames")));
        return;
    }
    Q_EMIT requestReceived(this, *frame);
}

void Connection::onBinary(const QByteArray &bytes)
{
    touch();
    if (!admit({}))
        return;
    if (!isHandshaken()) {
        refuseBeforeHandshake({});
        return;
    }
    Q_EMIT binaryReceived(this, bytes);
}

void Connection::refuseBeforeHandshake(const QString &requestId)
{
    sendError(requestId, ProtocolError::make(ErrorCode::HandshakeRequired,
                                             QStringLiteral("send 'hello' first")));
    closeWith(CloseCode::ProtocolViolation, QStringLiteral("handshake required"));
}

void Connection::sendResult(const QString &id, const QJsonObject &result)
{
    if (m_socket)
        m_socket->sendTextMessage(QString::fromUtf8(encodeResult(id, result)));
}

void Connection::sendError(const QString &id, const ProtocolError &error)
{
    if (m_socket)
        m_socket->sendTextMessage(QString::fromUtf8(encodeError(id, error)));
}

void Connection::sendEvent(const QString &event, const QJsonObject &data)
{
    if (m_socket)
        m_socket->sendTextMessage(QString::fromUtf8(encodeEvent(event, data)));
}

void Connection::sendText(const QString &frame)
{
    if (m_socket)
        m_socket->sendTextMessage(frame);
}

void Connection::sendBinary(const QByteArray &bytes)
{
    if (m_socket)
        m_socket->sendBinaryMessage(bytes);
}

void Connection::closeWith(int code, const QString &reason)
{
    if (m_socket)
        m_socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), reason);
}

void Connection::checkTimers(qint64 nowMs)
{
    if (!isHandshaken() && m_age.elapsed() > m_limits.helloTimeoutMs) {
        closeWith(CloseCode::HelloTimeout, QStringLiteral("no hello in time"));
        return;
    }
    if (m_lastActivity.elapsed() > m_limits.idleTimeoutMs) {
        qCInfo(lcConnection).noquote() << "closing idle connection from" << m_peerAddress;
        closeWith(CloseCode::Idle, QStringLiteral("idle"));
        return;
    }
    if (m_socket && nowMs - m_lastPingMs >= m_limits.pingIntervalMs) {
        m_lastPingMs = nowMs;
        m_socket->ping();
    }
    for (auto it = m_uploads.begin(); it != m_uploads.end();) {
        if (nowMs - it->startedMs > Limits::uploadTimeoutMs)
            it = m_uploads.erase(it);
        else
            ++it;
    }
}
