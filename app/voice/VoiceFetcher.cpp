#include "VoiceFetcher.h"

#include "VoiceClipStore.h"
#include "VoiceLog.h"
#include "app/protocol/Limits.h"
#include "app/protocol/Methods.h"
#include "app/protocol/VoiceChunk.h"
#include "app/sync/ProtocolClient.h"

#include <QPointer>

VoiceFetcher::VoiceFetcher(ProtocolClient &client, VoiceClipStore &store, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
{
    connect(&m_client, &ProtocolClient::binaryReceived, this, &VoiceFetcher::onBinary);
    // Frames of a download cut off by a lost connection never come: fail what is on its way.
    connect(&m_client, &ProtocolClient::closed, this, [this] {
        const auto downloads = std::exchange(m_downloads, {});
        for (const Download &download : downloads)
            fail(download.messageId, tr("The connection was lost while downloading."));
    });
}

void VoiceFetcher::fetch(qint64 messageId)
{
    if (m_requested.contains(messageId))
        return;
    if (!m_client.isOpen()) {
        Q_EMIT failed(messageId, tr("Not downloaded yet; it can be played once online."));
        return;
    }
    m_requested.insert(messageId);
    QPointer<VoiceFetcher> self(this);
    m_client.request(Method::VoiceFetch, {{QStringLiteral("messageId"), messageId}},
                     [self, messageId](const Frame &reply) {
                         if (self)
                             self->onReply(messageId, reply);
                     });
}

void VoiceFetcher::onReply(qint64 messageId, const Frame &reply)
{
    if (reply.type != Frame::Type::Result)
        return fail(messageId, reply.errorMessage);
    const auto transferId =
        static_cast<quint32>(reply.payload.value(QLatin1String("transferId")).toInteger());
    const qint64 bytes = reply.payload.value(QLatin1String("bytes")).toInteger();
    if (bytes <= 0 || bytes > Limits::maxVoiceBytes)
        return fail(messageId, tr("The server announced a clip of an impossible size."));
    Download download{messageId, bytes, {}};
    download.data.reserve(bytes);
    m_downloads.insert(transferId, std::move(download));
}

void VoiceFetcher::onBinary(const QByteArray &frame)
{
    const auto chunk = decodeVoiceChunk(frame);
    if (!chunk)
        return;
    const auto found = m_downloads.find(chunk->transferId);
    if (found == m_downloads.end())
        return; // an upload's or a cancelled download's frame
    Download &download = found.value();
    if (chunk->offset != download.data.size() ||
        download.data.size() + chunk->data.size() > download.bytes) {
        const qint64 messageId = download.messageId;
        m_downloads.erase(found);
        return fail(messageId, tr("The clip arrived out of order."));
    }
    download.data.append(chunk->data);
    if (download.data.size() == download.bytes)
        finish(chunk->transferId);
}

void VoiceFetcher::finish(quint32 transferId)
{
    const Download download = m_downloads.take(transferId);
    if (!m_store.save(download.messageId, download.data))
        return fail(download.messageId, tr("The clip could not be saved on this computer."));
    m_requested.remove(download.messageId);
    Q_EMIT fetched(download.messageId);
}

void VoiceFetcher::fail(qint64 messageId, const QString &reason)
{
    qCInfo(lcVoice) << "fetching the clip of message" << messageId << "failed:" << reason;
    m_requested.remove(messageId);
    Q_EMIT failed(messageId, reason);
}
