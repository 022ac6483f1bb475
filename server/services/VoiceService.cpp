#include "VoiceService.h"

#include "AccessPolicy.h"
#include "Caller.h"
#include "ConsultationService.h"
#include "MessageService.h"
#include "app/audio/OggOpusDecoder.h"
#include "app/protocol/Limits.h"
#include "app/protocol/ParamReader.h"
#include "app/protocol/Requests.h"
#include "app/protocol/VoiceChunk.h"
#include "server/storage/WriteTransaction.h"

namespace {
constexpr int packedWaveformBytes = 63;

ProtocolError tooLarge(const QString &what, qint64 limit)
{
    return ProtocolError::make(ErrorCode::TooLarge, what + QStringLiteral(" is over the limit"),
                               {{QStringLiteral("limit"), limit}});
}

ProtocolError badChunk(const QString &message)
{
    return ProtocolError::make(ErrorCode::BadRequest, message);
}
} // namespace

std::optional<ProtocolError> VoiceService::checkCanSend(const Principal &p,
                                                        qint64 consultationId) const
{
    const auto consultation = m_consultations.visible(p, consultationId);
    if (!consultation)
        return consultation.error();
    return AccessPolicy::check(ConsultationAction::Reply, p, *consultation);
}

qint64 VoiceService::maxVoiceMs(const Principal &p) const
{
    return p.kind == Principal::Kind::Representative
               ? std::min<qint64>(m_ctx.limits.maxRepresentativeVoiceMs, Limits::maxVoiceMs)
               : Limits::maxVoiceMs;
}

Reply VoiceService::begin(Caller &connection, const QJsonObject &params)
{
    ParamReader in(params);
    const auto [consultationId, clientMsgId, bytes, durationMs, waveform] =
        VoiceBeginRequest::read(in);
    if (!in.ok())
        return in.error();
    if (bytes > Limits::maxVoiceBytes)
        return tooLarge(QStringLiteral("the clip"), Limits::maxVoiceBytes);
    const Principal &p = connection.principal();
    if (durationMs > maxVoiceMs(p))
        return tooLarge(QStringLiteral("the clip's duration"), maxVoiceMs(p));
    if (!waveform.isEmpty() &&
        QByteArray::fromBase64(waveform.toLatin1(), QByteArray::AbortOnBase64DecodingErrors)
                .size() != packedWaveformBytes)
        return ProtocolError::make(ErrorCode::BadRequest,
                                   QStringLiteral("field 'waveform' must be 63 bytes in base64"));

    if (const auto existing = m_ctx.messages.findByClientMsgId(p, clientMsgId))
        return messageResult(*existing, true);
    if (auto refused = checkCanSend(p, consultationId))
        return *refused;
    auto &uploads = connection.uploads();
    for (auto it = uploads.begin(); it != uploads.end();) {
        it = it->clientMsgId == clientMsgId ? uploads.erase(it)
                                            : std::next(it); // a restarted upload
    }
    if (uploads.size() >= Limits::maxOpenUploads)
        return ProtocolError::make(ErrorCode::RateLimited, QStringLiteral("too many open uploads"),
                                   {{QStringLiteral("retryAfterMs"), 1000}});

    const quint32 transferId = m_nextTransferId++;
    uploads.insert(
        transferId,
        VoiceUpload{consultationId, clientMsgId, waveform, bytes, {}, ServerContext::now()});
    return QJsonObject{{QStringLiteral("transferId"), static_cast<qint64>(transferId)},
                       {QStringLiteral("chunkBytes"), Limits::voiceChunkBytes}};
}

void VoiceService::chunk(Caller &connection, const QByteArray &frame)
{
    const auto chunk = decodeVoiceChunk(frame);
    if (!chunk) {
        // Which upload the frame belonged to cannot be trusted when its header is bad, so every
        // open upload of the connection is cancelled: none can be committed with a chunk
        // missing, or go on to be completed with bytes meant for another.
        const qsizetype cancelled = connection.uploads().size();
        connection.uploads().clear();
        connection.sendError(
            {}, badChunk(QStringLiteral("a binary frame must be a voice chunk; %1 open "
                                        "upload(s) cancelled")
                             .arg(cancelled)));
        return;
    }
    auto &uploads = connection.uploads();
    const auto it = uploads.find(chunk->transferId);
    if (it == uploads.end()) {
        connection.sendError(
            {}, badChunk(QStringLiteral("unknown transfer id %1").arg(chunk->transferId)));
        return;
    }
    if (chunk->offset != static_cast<quint32>(it->data.size()) ||
        chunk->data.size() > Limits::voiceChunkBytes ||
        it->data.size() + chunk->data.size() > it->expectedBytes) {
        uploads.erase(it);
        connection.sendError(
            {}, badChunk(QStringLiteral("chunk out of order or past the announced size;"
                                        " transfer %1 cancelled")
                             .arg(chunk->transferId)));
        return;
    }
    it->data.append(chunk->data);
}

Reply VoiceService::commit(Caller &connection, const QJsonObject &params)
{
    ParamReader in(params);
    const auto transferId =
        static_cast<quint32>(in.requireInt(QLatin1String("transferId"), 1, 0xffffffffLL));
    if (!in.ok())
        return in.error();
    const VoiceUpload upload = connection.uploads().take(transferId);
    if (upload.expectedBytes == 0)
        return ProtocolError::make(ErrorCode::BadRequest, QStringLiteral("unknown transfer id"));
    if (upload.data.size() != upload.expectedBytes)
        return ProtocolError::make(ErrorCode::BadRequest,
                                   QStringLiteral("the upload is incomplete: %1 of %2 bytes")
                                       .arg(upload.data.size())
                                       .arg(upload.expectedBytes));
    const auto duration = probeOggOpusDurationMs(upload.data);
    if (!duration)
        return ProtocolError::make(ErrorCode::BadAudio, duration.error().message);
    const Principal &p = connection.principal();
    if (*duration > maxVoiceMs(p))
        return tooLarge(QStringLiteral("the clip's duration"), maxVoiceMs(p));

    if (const auto existing = m_ctx.messages.findByClientMsgId(p, upload.clientMsgId))
        return messageResult(*existing, true);
    const auto consultation = m_consultations.visible(p, upload.consultationId);
    if (!consultation)
        return consultation.error();
    if (auto refused = AccessPolicy::check(ConsultationAction::Reply, p, *consultation))
        return *refused;

    WriteTransaction transaction(m_ctx.database);
    if (!transaction.isOpen())
        return internalError();
    const auto clipId = m_ctx.messages.insertVoiceClip(upload.data, *duration, upload.waveform);
    const auto message =
        clipId ? m_ctx.messages.insertVoice(upload.consultationId, p, upload.clientMsgId, *clipId,
                                            ServerContext::now())
               : std::nullopt;
    // The job is stored with the message, so a server stopped before it ran still has it.
    const auto pending = message && m_ctx.transcription
                             ? m_ctx.transcripts.insertPending(*message, ServerContext::now())
                             : std::nullopt;
    if (!message || (m_ctx.transcription && !pending) || !transaction.commit())
        return internalError();
    m_ctx.events.messageCreated(*consultation, *message);
    if (pending) {
        m_ctx.events.transcriptChanged(*consultation, *pending);
        m_ctx.transcription->enqueue(message->id);
    }
    return messageResult(*message, false);
}

Reply VoiceService::fetch(Caller &connection, const QJsonObject &params)
{
    ParamReader in(params);
    const qint64 messageId = in.requireId(QLatin1String("messageId"));
    if (!in.ok())
        return in.error();
    const auto message = m_ctx.messages.find(messageId);
    if (!message)
        return ProtocolError::make(ErrorCode::NotFound, QStringLiteral("no such message"));
    const auto consultation =
        m_consultations.visible(connection.principal(), message->consultationId);
    if (!consultation)
        return consultation.error();
    if (message->kind != MessageKind::Voice)
        return ProtocolError::make(ErrorCode::BadRequest,
                                   QStringLiteral("the message is not a voice message"));
    const auto data = m_ctx.messages.voiceClipData(message->id);
    if (!data)
        return internalError();
    // Clips are sent as the socket drains; what waits is held here, so it is bounded.
    if (connection.queuedDownloadBytes() + data->size() > Limits::maxQueuedDownloadBytes)
        return ProtocolError::make(ErrorCode::RateLimited,
                                   QStringLiteral("too many downloads in progress"),
                                   {{QStringLiteral("retryAfterMs"), 1000}});
    const quint32 transferId = m_nextTransferId++;
    connection.queueDownload(transferId, *data);
    return QJsonObject{{QStringLiteral("transferId"), static_cast<qint64>(transferId)},
                       {QStringLiteral("bytes"), data->size()},
                       {QStringLiteral("durationMs"), message->voice.durationMs}};
}
