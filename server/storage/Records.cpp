#include "Records.h"

#include "Sql.h"
#include "app/domain/FieldCount.h"

#include <QJsonDocument>

// A field added to a record must be read from its row here too (and stored by the store).
static_assert(fieldCount<Consultation>() == 16 && fieldCount<Transfer>() == 7,
              "a record gained a field: read it from its row");
static_assert(fieldCount<Message>() == 11 && fieldCount<VoiceInfo>() == 3,
              "a record gained a field: read it from its row");

QString ConsultationRows::columns()
{
    return QStringLiteral(
        "c.id, c.client_id, c.representative_id, c.department_id, c.state, c.assignee_id,"
        " c.subject, c.created_at, c.claimed_at, c.closed_at, c.close_summary, c.rating,"
        " c.rating_comment, c.rated_at, c.seq, t.id, t.from_department_id, t.from_responder_id,"
        " t.to_department_id, t.to_responder_id, t.reason, t.by_responder_id, t.created_at");
}

Consultation ConsultationRows::read(const SqlStatement &row)
{
    Consultation c;
    c.id = row.int64(0);
    c.clientId = row.text(1);
    c.representativeId = row.int64(2);
    c.departmentId = row.int64(3);
    // The schema's CHECK admits only the protocol's states.
    c.state = fromWireName<ConsultationState>(row.text(4)).value_or(ConsultationState::Waiting);
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
        c.lastTransfer = Transfer{row.int64(16), row.int64(17), row.int64(18), row.int64(19),
                                  row.text(20),  row.int64(21), row.int64(22)};
    }
    return c;
}

QString MessageRows::columns()
{
    return QStringLiteral("m.id, m.consultation_id, m.sender_kind, m.sender_id, m.client_msg_id,"
                          " m.kind, m.body, m.created_at, m.seq, v.duration_ms, v.bytes,"
                          " v.waveform");
}

Message MessageRows::read(const SqlStatement &row)
{
    Message m;
    m.id = row.int64(0);
    m.consultationId = row.int64(1);
    // The schema's CHECKs admit only the protocol's kinds.
    m.senderKind = fromWireName<SenderKind>(row.text(2)).value_or(SenderKind::System);
    m.senderId = row.int64(3);
    m.clientMsgId = row.text(4);
    m.kind = fromWireName<MessageKind>(row.text(5)).value_or(MessageKind::System);
    // body: the text, or the system payload as JSON; voice messages keep theirs in voice_clips.
    if (m.kind == MessageKind::Text)
        m.text = row.text(6);
    else if (m.kind == MessageKind::System)
        m.system = QJsonDocument::fromJson(row.text(6).toUtf8()).object();
    m.createdAt = row.int64(7);
    m.seq = row.int64(8);
    m.voice = VoiceInfo{row.int64(9), row.int64(10), row.text(11)};
    return m;
}
