#include "OutboxSender.h"

#include "Limits.h"
#include "Methods.h"
#include "ProtocolClient.h"
#include "VoiceChunk.h"

#include <QFile>
#include <QPointer>

#include <algorithm>

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
    case ErrorCode::BadAudio:
        return true;
    default:
        return false;
    }
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
    item.isVoice() ? sendVoice(item) : sendText(item);
    m_client.flush();
    Q_EMIT requestWritten(item.clientMsgId);
}

// The client outlives this sender; a reply after the sender is gone is dropped, and the item,
// still "sending", goes out again with the same key next time.
void OutboxSender::sendText(const OutboxItem &item)
{
    QPointer<OutboxSender> self(this);
    m_client.request(Method::MessageSend,
                     {{QStringLiteral("consultationId"), item.consultationId},
                      {QStringLiteral("clientMsgId"), item.clientMsgId},
                      {QStringLiteral("text"), item.text}},
                     [self, item](const Frame &reply) {
                         if (self)
                             self->onReply(item, reply);
                     });
}

// voice.begin, the clip in binary frames, voice.commit. The server keeps no half-uploads across
// connections, so after any interruption the whole upload starts again from voice.begin, whose
// clientMsgId answers "duplicate" if the server had in fact stored it.
void OutboxSender::sendVoice(const OutboxItem &item)
{
    QFile file(item.voiceFile);
    if (!file.open(QIODevice::ReadOnly)) {
        QMetaObject::invokeMethod(
            this,
            [this, item] {
                m_busy = false;
                m_store.markFailed(item.clientMsgId,
                                   tr("The recording is missing on this computer."));
                changed(item.clientMsgId);
                sendNext();
            },
            Qt::QueuedConnection);
        return;
    }
    const QByteArray clip = file.readAll();
    QJsonObject params{{QStringLiteral("consultationId"), item.consultationId},
                       {QStringLiteral("clientMsgId"), item.clientMsgId},
                       {QStringLiteral("bytes"), clip.size()},
                       {QStringLiteral("durationMs"), item.voiceDurationMs}};
    if (!item.voiceWaveform.isEmpty())
        params.insert(QStringLiteral("waveform"),
                      QString::fromLatin1(item.voiceWaveform.toBase64()));
    QPointer<OutboxSender> self(this);
    m_client.request(Method::VoiceBegin, params, [self, item, clip](const Frame &reply) {
        if (self)
            self->onVoiceBegun(item, clip, reply);
    });
}

void OutboxSender::onVoiceBegun(const OutboxItem &item, const QByteArray &clip, const Frame &reply)
{
    if (reply.type != Frame::Type::Result ||
        reply.payload.value(QLatin1String("duplicate")).toBool())
        return onReply(item, reply);
    const auto transferId =
        static_cast<quint32>(reply.payload.value(QLatin1String("transferId")).toInteger());
    const int chunk =
        std::clamp(reply.payload.value(QLatin1String("chunkBytes")).toInt(Limits::voiceChunkBytes),
                   1, Limits::voiceChunkBytes);
    for (qsizetype offset = 0; offset < clip.size(); offset += chunk)
        m_client.sendBinary(
            encodeVoiceChunk({transferId, static_cast<quint32>(offset), clip.mid(offset, chunk)}));
    QPointer<OutboxSender> self(this);
    m_client.request(Method::VoiceCommit, {{QStringLiteral("transferId"), qint64(transferId)}},
                     [self, item](const Frame &done) {
                         if (self)
                             self->onReply(item, done);
                     });
    m_client.flush();
}

void OutboxSender::onReply(const OutboxItem &item, const Frame &reply)
{
    m_busy = false;
    if (reply.type == Frame::Type::Result) {
        const qint64 serverId = reply.payload.value(QLatin1String("message"))
                                    .toObject()
                                    .value(QLatin1String("id"))
                                    .toInteger();
        Q_EMIT acknowledged(item, serverId);
        m_store.markSent(item, serverId);
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
    m_retryTimer.start(retryDelayMs(reply, transientRetryMs));
}
