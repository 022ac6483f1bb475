#include "OutboxSender.h"

#include "Methods.h"
#include "ProtocolClient.h"

namespace {
constexpr int transientRetryMs = 2000;

// Errors that sending again cannot fix: the item fails with the reason, and the user decides.
bool isPermanent(ErrorCode code)
{
    switch (code) {
    case ErrorCode::BadRequest:
    case ErrorCode::Forbidden:
    case ErrorCode::NotFound:
    case ErrorCode::Conflict:
    case ErrorCode::TooLarge:
    case ErrorCode::UnknownMethod:
        return true;
    default:
        return false;
    }
}

bool needsSignIn(ErrorCode code)
{
    return code == ErrorCode::NotAuthenticated || code == ErrorCode::TokenInvalid ||
           code == ErrorCode::TokenExpired;
}
} // namespace

OutboxSender::OutboxSender(OutboxStore &store, ProtocolClient &client, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(client)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &OutboxSender::sendNext);
}

void OutboxSender::setOnline(bool online)
{
    m_online = online;
    if (online)
        sendNext();
}

void OutboxSender::wake()
{
    sendNext();
}

void OutboxSender::changed(const QString &clientMsgId)
{
    if (const auto item = m_store.item(clientMsgId))
        Q_EMIT itemChanged(*item);
}

void OutboxSender::sendNext()
{
    if (!m_online || m_busy || m_retryTimer.isActive())
        return;
    const QList<OutboxItem> pending = m_store.pending();
    if (pending.isEmpty()) {
        Q_EMIT drained();
        return;
    }
    const OutboxItem item = pending.first();
    if (!m_store.markSending(item.clientMsgId))
        return;
    changed(item.clientMsgId);
    m_busy = true;
    m_client.request(Method::MessageSend,
                     {{QStringLiteral("consultationId"), item.consultationId},
                      {QStringLiteral("clientMsgId"), item.clientMsgId},
                      {QStringLiteral("text"), item.text}},
                     [this, item](const Frame &reply) { onReply(item, reply); });
    m_client.socket().flush();
    Q_EMIT requestWritten(item.clientMsgId);
}

void OutboxSender::onReply(const OutboxItem &item, const Frame &reply)
{
    m_busy = false;
    if (reply.type == Frame::Type::Result) {
        const qint64 serverId = reply.payload.value(QLatin1String("message"))
                                    .toObject()
                                    .value(QLatin1String("id"))
                                    .toInteger();
        Q_EMIT acknowledged(item.clientMsgId, serverId);
        m_store.markSent(item.clientMsgId, serverId);
        changed(item.clientMsgId);
        sendNext();
        return;
    }
    if (isPermanent(reply.errorCode)) {
        m_store.markFailed(item.clientMsgId, reply.errorMessage);
        changed(item.clientMsgId);
        sendNext();
        return;
    }
    if (needsSignIn(reply.errorCode) || !m_client.isOpen()) {
        m_online = false; // stays "sending"; resent with the same key once signed in again
        return;
    }
    // Rate limits and server trouble pass: try the same item again a little later.
    const int wait = reply.errorCode == ErrorCode::RateLimited
                         ? std::max(100, reply.payload.value(QLatin1String("retryAfterMs")).toInt())
                         : transientRetryMs;
    m_retryTimer.start(wait);
}
