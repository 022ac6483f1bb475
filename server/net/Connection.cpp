#include "Connection.h"

#include "app/protocol/Limits.h"
#include "app/protocol/VoiceChunk.h"
#include "server/storage/CommitGroup.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>

Q_LOGGING_CATEGORY(lcConnection, "consult.connection")

namespace {
// An unmasked close frame (RFC 6455, 5.5.1) as a server sends it. QWebSocket::close() would
// write the same frame but then close the TCP socket at once, unread input and all.
QByteArray closeFrame(int code, const QString &reason)
{
    QByteArray payload(2, Qt::Uninitialized);
    qToBigEndian<quint16>(static_cast<quint16>(code), payload.data());
    payload += reason.toUtf8().left(123); // control frames carry at most 125 bytes
    QByteArray frame;
    frame.append(char(0x88)); // FIN, opcode 8 (close)
    frame.append(char(payload.size()));
    return frame + payload;
}

// Who is on the other end: the socket's peer, or, behind a reverse proxy on this machine
// (--behind-proxy), the address the proxy put last in X-Forwarded-For, which is the one it saw
// itself (earlier entries are whatever the client claimed). Sign-in throttling counts by it.
QString clientAddress(const QWebSocket &socket, bool behindProxy)
{
    const QHostAddress peer = socket.peerAddress();
    if (!behindProxy || !peer.isLoopback())
        return peer.toString();
    const QByteArray forwarded = socket.request().rawHeader("X-Forwarded-For");
    const QHostAddress client(QString::fromLatin1(forwarded.split(',').last().trimmed()));
    return client.isNull() ? peer.toString() : client.toString();
}
} // namespace

Connection::Connection(QWebSocket *socket, QTcpSocket *transport, const ServerLimits &limits,
                       CommitGroup *group, QObject *parent)
    : Caller(parent)
    , m_socket(socket)
    , m_transport(transport)
    , m_group(group)
    , m_limits(limits)
    , m_peerAddress(clientAddress(*socket, limits.behindProxy))
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
    connect(socket, &QWebSocket::bytesWritten, this, &Connection::pumpDownloads);
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
    if (m_closing || m_closeAfterRelease || closeIfBacklogged())
        return;
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
    if (m_closing || m_closeAfterRelease || closeIfBacklogged())
        return;
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

bool Connection::closeIfBacklogged()
{
    if (!m_socket || m_socket->bytesToWrite() <= Limits::maxQueuedOutputBytes)
        return false;
    qCWarning(lcConnection).noquote() << "closing" << m_peerAddress << "with"
                                      << m_socket->bytesToWrite() << "bytes it has not read";
    closeWith(CloseCode::Backlog, QStringLiteral("too much unread output"));
    return true;
}

bool Connection::writeText(const QString &frame)
{
    if (m_closing || !m_socket)
        return false;
    if (m_group && m_group->isOpen()) {
        hold(frame);
        return true;
    }
    if (closeIfBacklogged())
        return false;
    m_socket->sendTextMessage(frame);
    return true;
}

void Connection::hold(const QString &frame)
{
    if (m_held.isEmpty())
        m_group->whenSettled(this, [this](bool committed) { release(committed); });
    m_held.append(frame);
}

void Connection::release(bool committed)
{
    const QStringList held = std::exchange(m_held, {});
    const auto close = std::exchange(m_closeAfterRelease, std::nullopt);
    if (!committed) {
        // What was held may acknowledge changes that are not stored: none of it may go. The
        // client reconnects and resends its outbox under the same client ids.
        closeWith(CloseCode::StorageFailed, QStringLiteral("the server could not store changes"));
        return;
    }
    for (const QString &frame : held) {
        if (!writeText(frame))
            break;
    }
    if (close)
        closeWith(close->first, close->second);
    else
        pumpDownloads();
}

void Connection::sendResult(const QString &id, const QJsonObject &result)
{
    writeText(QString::fromUtf8(encodeResult(id, result)));
}

void Connection::sendError(const QString &id, const ProtocolError &error)
{
    writeText(QString::fromUtf8(encodeError(id, error)));
}

void Connection::sendEvent(const QString &event, const QJsonObject &data)
{
    writeText(QString::fromUtf8(encodeEvent(event, data)));
}

void Connection::sendText(const QString &frame)
{
    writeText(frame);
}

void Connection::queueDownload(quint32 transferId, const QByteArray &clip)
{
    m_downloads.enqueue({transferId, clip, 0});
    m_queuedDownloadBytes += clip.size();
    // From the event loop, so that the reply to the voice.fetch that queued it (sent when its
    // handler returns) goes out before the first chunk.
    QMetaObject::invokeMethod(this, &Connection::pumpDownloads, Qt::QueuedConnection);
}

void Connection::pumpDownloads()
{
    // A held reply to the voice.fetch goes first; release() pumps again.
    if (!m_held.isEmpty())
        return;
    while (!m_closing && m_socket && !m_downloads.isEmpty() &&
           m_socket->bytesToWrite() < Limits::downloadLowWaterBytes) {
        Download &download = m_downloads.head();
        const QByteArray data = download.clip.mid(download.offset, Limits::voiceChunkBytes);
        m_socket->sendBinaryMessage(
            encodeVoiceChunk({download.transferId, static_cast<quint32>(download.offset), data}));
        download.offset += data.size();
        m_queuedDownloadBytes -= data.size();
        if (download.offset >= download.clip.size())
            m_downloads.dequeue();
    }
}

void Connection::closeWith(int code, const QString &reason)
{
    if (m_closing || !m_socket)
        return;
    if (!m_held.isEmpty()) {
        if (!m_closeAfterRelease)
            m_closeAfterRelease = std::make_pair(code, reason);
        return;
    }
    m_closing = true;
    m_downloads.clear();
    m_queuedDownloadBytes = 0;
    if (!m_transport) {
        m_socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), reason);
        return;
    }
    m_transport->write(closeFrame(code, reason));
    m_transport->flush();
    // The peer answers with its own close frame, on which QWebSocket closes the socket; one
    // that does not is dropped after the linger.
    QTimer::singleShot(Limits::closeLingerMs, this, [this] {
        if (m_transport)
            m_transport->abort();
    });
}

void Connection::checkTimers(qint64 nowMs)
{
    if (m_closing)
        return;
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
