#include "Records.h"

#include "Sql.h"

#include <QJsonDocument>

namespace {
QJsonValue idOrNull(qint64 id)
{
    return id > 0 ? QJsonValue(id) : QJsonValue();
}
} // namespace

QJsonObject TransferRecord::toJson() const
{
    return {{QStringLiteral("fromDepartmentId"), fromDepartmentId},
            {QStringLiteral("fromResponderId"), idOrNull(fromResponderId)},
            {QStringLiteral("toDepartmentId"), toDepartmentId},
            {QStringLiteral("toResponderId"), idOrNull(toResponderId)},
            {QStringLiteral("reason"), reason},
            {QStringLiteral("byResponderId"), byResponderId},
            {QStringLiteral("at"), at}};
}

QString ConsultationRecord::columns()
{
    return QStringLiteral(
        "c.id, c.client_id, c.representative_id, c.department_id, c.state, c.assignee_id,"
        " c.subject, c.created_at, c.claimed_at, c.closed_at, c.close_summary, c.rating,"
        " c.rating_comment, c.rated_at, c.seq, t.id, t.from_department_id, t.from_responder_id,"
        " t.to_department_id, t.to_responder_id, t.reason, t.by_responder_id, t.created_at");
}

ConsultationRecord ConsultationRecord::fromRow(const SqlStatement &row)
{
    ConsultationRecord c;
    c.id = row.int64(0);
    c.clientId = row.text(1);
    c.representativeId = row.int64(2);
    c.departmentId = row.int64(3);
    c.state = row.text(4);
    c.assigneeId = row.int64(5);
    c.subject = row.text(6);
    c.createdAt = row.int64(7);
    c.claimedAt = row.int64(8);
    c.closedAt = row.int64(9);
    c.closeSummary = row.text(10);
    c.rating = row.value(11).toInt();
    c.ratingComment = row.text(12);
    c.ratedAt = row.int64(13);
    c.seq = row.int64(14);
    if (!row.value(15).isNull()) {
        c.lastTransfer = TransferRecord{row.int64(16), row.int64(17), row.int64(18), row.int64(19),
                                        row.text(20),  row.int64(21), row.int64(22)};
    }
    return c;
}

QJsonObject ConsultationRecord::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("clientId"), clientId},
            {QStringLiteral("representativeId"), representativeId},
            {QStringLiteral("departmentId"), departmentId},
            {QStringLiteral("state"), state},
            {QStringLiteral("assigneeId"), idOrNull(assigneeId)},
            {QStringLiteral("subject"), subject},
            {QStringLiteral("createdAt"), createdAt},
            {QStringLiteral("claimedAt"), idOrNull(claimedAt)},
            {QStringLiteral("closedAt"), idOrNull(closedAt)},
            {QStringLiteral("closeSummary"), closeSummary},
            {QStringLiteral("rating"), rating > 0 ? QJsonValue(rating) : QJsonValue()},
            {QStringLiteral("ratingComment"), ratingComment},
            {QStringLiteral("ratedAt"), idOrNull(ratedAt)},
            {QStringLiteral("lastTransfer"),
             lastTransfer ? QJsonValue(lastTransfer->toJson()) : QJsonValue()},
            {QStringLiteral("seq"), seq}};
}

QString MessageRecord::columns()
{
    return QStringLiteral("m.id, m.consultation_id, m.sender_kind, m.sender_id, m.client_msg_id,"
                          " m.kind, m.body, m.voice_clip_id, m.created_at, m.seq, v.duration_ms,"
                          " v.bytes, v.waveform");
}

MessageRecord MessageRecord::fromRow(const SqlStatement &row)
{
    MessageRecord m;
    m.id = row.int64(0);
    m.consultationId = row.int64(1);
    m.senderKind = row.text(2);
    m.senderId = row.int64(3);
    m.clientMsgId = row.text(4);
    m.kind = row.text(5);
    m.body = row.text(6);
    m.voiceClipId = row.int64(7);
    m.createdAt = row.int64(8);
    m.seq = row.int64(9);
    m.voiceDurationMs = row.int64(10);
    m.voiceBytes = row.int64(11);
    m.voiceWaveform = row.text(12);
    return m;
}

QJsonObject MessageRecord::toJson() const
{
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("consultationId"), consultationId},
                     {QStringLiteral("senderKind"), senderKind},
                     {QStringLiteral("senderId"), idOrNull(senderId)},
                     {QStringLiteral("clientMsgId"),
                      clientMsgId.isEmpty() ? QJsonValue() : QJsonValue(clientMsgId)},
                     {QStringLiteral("kind"), kind},
                     {QStringLiteral("createdAt"), createdAt},
                     {QStringLiteral("seq"), seq}};
    if (kind == QLatin1String("text")) {
        json.insert(QStringLiteral("text"), body);
    } else if (kind == QLatin1String("voice")) {
        json.insert(
            QStringLiteral("voice"),
            QJsonObject{{QStringLiteral("durationMs"), voiceDurationMs},
                        {QStringLiteral("bytes"), voiceBytes},
                        {QStringLiteral("waveform"),
                         voiceWaveform.isEmpty() ? QJsonValue() : QJsonValue(voiceWaveform)},
                        {QStringLiteral("mime"), QStringLiteral("audio/ogg; codecs=opus")}});
    } else {
        json.insert(QStringLiteral("system"), QJsonDocument::fromJson(body.toUtf8()).object());
    }
    return json;
}
