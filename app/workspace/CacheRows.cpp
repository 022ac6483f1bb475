#include "CacheRows.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace {
QJsonObject jsonObject(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

// The server's failure codes (protocol section 14) in the officer's language; a failure this
// workstation's own engine reported is already worded.
QString transcriptFailureText(const QString &failure)
{
    if (failure == QLatin1String("no_speech"))
        return QCoreApplication::translate("CacheRows",
                                           "No speech was recognised in this recording.");
    if (failure == QLatin1String("unreadable"))
        return QCoreApplication::translate("CacheRows",
                                           "The server could not turn this recording into text.");
    return failure;
}
} // namespace

namespace CacheRows {

ConsultationRow consultation(const QSqlQuery &query)
{
    ConsultationRow row;
    row.id = query.value(0).toLongLong();
    // The cache holds what the codec accepted: only the protocol's names.
    row.state = fromWireName<ConsultationState>(query.value(1).toString())
                    .value_or(ConsultationState::Waiting);
    row.departmentId = query.value(2).toLongLong();
    row.assigneeId = query.value(3).toLongLong();
    row.subject = query.value(4).toString();
    row.createdAt = query.value(5).toLongLong();
    row.claimedAt = query.value(6).toLongLong();
    row.closedAt = query.value(7).toLongLong();
    row.closeSummary = query.value(8).toString();
    row.rating = query.value(9).toInt();
    row.representativeId = query.value(10).toLongLong();
    row.representativeName = query.value(11).toString();
    row.representativeKind = fromWireName<RepresentativeKind>(query.value(12).toString())
                                 .value_or(RepresentativeKind::Npc);
    row.representativeGroup = query.value(13).toString();
    row.lastTransfer = jsonObject(query.value(14));
    // A closed consultation asks nothing more of the officer: no unread count, however long ago
    // its last messages came.
    row.unread = row.state == ConsultationState::Closed ? 0 : query.value(15).toInt();
    row.latestText = query.value(16).toString().section(u'\n', 0, 0);
    row.latestKind =
        fromWireName<MessageKind>(query.value(17).toString()).value_or(MessageKind::Text);
    row.latestSender =
        fromWireName<SenderKind>(query.value(18).toString()).value_or(SenderKind::System);
    row.latestSenderId = query.value(19).toLongLong();
    row.latestSenderName = query.value(20).toString();
    if (row.latestKind == MessageKind::Voice)
        row.latestVoiceMs =
            jsonObject(query.value(21)).value(QLatin1String("durationMs")).toInteger();
    row.assigneeName = query.value(22).toString();
    row.sortKey = query.value(23).toLongLong();
    return row;
}

QString messageSelect(QVariantList &values)
{
    values << wireName(MessageKind::Voice) << wireName(SenderKind::Responder)
           << wireName(SenderKind::Representative);
    return QStringLiteral(
        "SELECT m.id, m.sender_kind, m.sender_id, COALESCE(s.name, r.name, ''), m.client_msg_id,"
        " m.kind, m.text, m.payload, m.created_at, v.waveform, COALESCE(v.heard, 0),"
        " t.text, t.failure, t.corrected, t.machine_text, t.revision, t.state, t.segments"
        " FROM messages m"
        " LEFT JOIN voice_clips v ON m.kind = ? AND v.message_id = m.id"
        " LEFT JOIN transcripts t ON t.message_id = m.id"
        " LEFT JOIN responders s ON m.sender_kind = ? AND s.id = m.sender_id"
        " LEFT JOIN representatives r ON m.sender_kind = ? AND r.id = m.sender_id"
        " WHERE m.consultation_id = ?");
}

MessageRow message(const QSqlQuery &query, qint64 consultationId)
{
    MessageRow row;
    row.id = query.value(0).toLongLong();
    row.consultationId = consultationId;
    row.senderKind =
        fromWireName<SenderKind>(query.value(1).toString()).value_or(SenderKind::System);
    row.senderId = query.value(2).toLongLong();
    row.senderName = query.value(3).toString();
    row.clientMsgId = query.value(4).toString();
    row.kind = fromWireName<MessageKind>(query.value(5).toString()).value_or(MessageKind::System);
    row.text = query.value(6).toString();
    row.payload = jsonObject(query.value(7));
    row.createdAt = query.value(8).toLongLong();
    if (row.kind == MessageKind::Voice) {
        const QJsonObject &voice = row.payload; // the message's "voice" object
        row.voiceDurationMs = voice.value(QLatin1String("durationMs")).toInteger();
        // The sender's waveform when there was one, else the one computed here.
        row.voiceWaveform =
            QByteArray::fromBase64(voice.value(QLatin1String("waveform")).toString().toLatin1());
        if (row.voiceWaveform.isEmpty())
            row.voiceWaveform = query.value(9).toByteArray();
        row.voiceHeard = query.value(10).toBool();
        row.transcript = query.value(11).toString();
        row.transcriptFailure = transcriptFailureText(query.value(12).toString());
        row.transcriptCorrected = query.value(13).toBool();
        row.transcriptOriginal = query.value(14).toString();
        row.transcriptRevision = query.value(15).toInt();
        row.transcriptQueued = query.value(16).toString() == wireName(TranscriptState::Pending) &&
                               row.transcript.isEmpty() && row.transcriptFailure.isEmpty();
        for (const TranscriptSegment &segment : Transcript::segmentsFromJson(
                 QJsonDocument::fromJson(query.value(17).toByteArray()).array()))
            row.transcriptWords += segment.words;
    }
    return row;
}

} // namespace CacheRows
