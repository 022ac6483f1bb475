#include "OutboxSender.h"

#include "Methods.h"
#include "ProtocolClient.h"

#include <QPointer>

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
    m_busy = true; // before anything that could call back into sendNext()
    if (!m_store.markSending(item.clientMsgId)) {
        m_busy = false;
        return;
    }
    changed(item.clientMsgId);
    // The client outlives this sender; a reply after the sender is gone is dropped, and the
    // item, still "sending", goes out again with the same key next time.
    QPointer<OutboxSender> self(this);
    m_client.request(Method::MessageSend,
                     {{QStringLiteral("consultationId"), item.consultationId},
                      {QStringLiteral("clientMsgId"), item.clientMsgId},
                      {QStringLiteral("text"), item.text}},
                     [self, item](const Frame &reply) {
                         if (self)
                             self->onReply(item, reply);
                     });
    m_client.flush();
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
