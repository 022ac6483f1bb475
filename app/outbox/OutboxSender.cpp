#include "OutboxSender.h"

#include "OutboxLog.h"
#include "app/protocol/Limits.h"
#include "app/protocol/Methods.h"
#include "app/protocol/Requests.h"
#include "app/protocol/VoiceChunk.h"
#include "app/sync/ProtocolClient.h"

#include <QFile>

#include <algorithm>

OutboxSender::OutboxSender(OutboxStore &store, ProtocolClient &client, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(client)
    , m_engine(*this, client)
{
    connect(&m_engine, &DeliveryEngine::drained, this, &OutboxSender::drained);
}

DeliveryEngine::Courier::Start OutboxSender::startNext(const DeliveryEngine::Done &done)
{
    const auto next = m_store.nextPending();
    if (!next || !m_store.markSending(next->clientMsgId))
        return Start::Idle;
    m_current = *next;
    m_current.state = OutboxItem::State::Sending;
    ++m_current.attempts;
    Q_EMIT itemChanged(m_current);
    if (m_current.isVoice()) {
        QFile file(m_current.voiceFile);
        if (!file.open(QIODevice::ReadOnly)) {
            fail(tr("The recording is missing on this computer."));
            return Start::Settled;
        }
        sendVoice(file.readAll(), done);
    } else {
        sendText(done);
    }
    m_client.flush();
    Q_EMIT requestWritten(m_current.clientMsgId);
    return Start::Sent;
}

void OutboxSender::sendText(const DeliveryEngine::Done &done)
{
    m_client.request(
        Method::MessageSend,
        SendTextRequest{m_current.consultationId, m_current.clientMsgId, m_current.text}.toParams(),
        done);
}

// voice.begin, the clip in binary frames, voice.commit. The server keeps no half-uploads across
// connections, so after any interruption the whole upload starts again from voice.begin, whose
// clientMsgId answers "duplicate" if the server had in fact stored it.
void OutboxSender::sendVoice(const QByteArray &clip, const DeliveryEngine::Done &done)
{
    const QJsonObject params =
        VoiceBeginRequest{m_current.consultationId, m_current.clientMsgId, clip.size(),
                          m_current.voiceDurationMs,
                          QString::fromLatin1(m_current.voiceWaveform.toBase64())}
            .toParams();
    ProtocolClient *client = &m_client;
    m_client.request(Method::VoiceBegin, params, [client, clip, done](const Frame &reply) {
        if (reply.type != Frame::Type::Result ||
            reply.payload.value(QLatin1String("duplicate")).toBool())
            return done(reply);
        const auto transferId =
            static_cast<quint32>(reply.payload.value(QLatin1String("transferId")).toInteger());
        const int chunk = std::clamp(
            reply.payload.value(QLatin1String("chunkBytes")).toInt(Limits::voiceChunkBytes), 1,
            Limits::voiceChunkBytes);
        for (qsizetype offset = 0; offset < clip.size(); offset += chunk)
            client->sendBinary(encodeVoiceChunk(
                {transferId, static_cast<quint32>(offset), clip.mid(offset, chunk)}));
        client->request(Method::VoiceCommit, {{QStringLiteral("transferId"), qint64(transferId)}},
                        done);
        client->flush();
    });
}

void OutboxSender::delivered(const Frame &reply)
{
    const qint64 serverId = reply.payload.value(QLatin1String("message"))
                                .toObject()
                                .value(QLatin1String("id"))
                                .toInteger();
    // A copy: whoever hears of it may queue and start the next item, which becomes m_current.
    OutboxItem item = m_current;
    Q_EMIT acknowledged(item, serverId);
    m_store.markSent(item, serverId);
    item.state = OutboxItem::State::Sent;
    item.error.clear();
    item.serverMessageId = serverId;
    Q_EMIT itemChanged(item);
}

void OutboxSender::refused(const Frame &reply)
{
    fail(reply.errorMessage);
}

void OutboxSender::fail(const QString &reason)
{
    qCWarning(lcOutbox) << "reply" << m_current.clientMsgId << "not delivered:" << reason;
    OutboxItem item = m_current;
    m_store.markFailed(item.clientMsgId, reason);
    item.state = OutboxItem::State::Failed;
    item.error = reason;
    Q_EMIT itemChanged(item);
}
