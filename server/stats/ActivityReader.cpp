#include "ActivityReader.h"

#include "server/storage/Database.h"
#include "server/storage/Sql.h"

#include <QJsonDocument>

bool ActivityReader::readActiveBetween(qint64 fromMs, qint64 toMs, const Visit &visit,
                                       qint64 departmentId)
{
    const QString active =
        QStringLiteral("SELECT id FROM consultations WHERE created_at >= ? AND created_at < ?"
                       " UNION SELECT consultation_id FROM messages"
                       " WHERE created_at >= ? AND created_at < ?");
    if (departmentId <= 0)
        return read(active, {fromMs, toMs, fromMs, toMs}, visit);
    return read(QStringLiteral("SELECT id FROM consultations WHERE id IN (") + active +
                    QStringLiteral(") AND (department_id = ? OR id IN (SELECT consultation_id"
                                   " FROM transfers WHERE from_department_id = ?"
                                   " OR to_department_id = ?))"),
                {fromMs, toMs, fromMs, toMs, departmentId, departmentId, departmentId}, visit);
}

bool ActivityReader::readOfDepartment(qint64 departmentId, qint64 toMs, const Visit &visit)
{
    // Whenever a transfer happened: one opened here in the range and handed on after it is
    // elsewhere now, and still counts as received here.
    return read(QStringLiteral("SELECT id FROM consultations WHERE department_id = ?"
                               " AND created_at < ?"
                               " UNION SELECT consultation_id FROM transfers"
                               " WHERE from_department_id = ? OR to_department_id = ?"),
                {departmentId, toMs, departmentId, departmentId}, visit);
}

bool ActivityReader::read(const QString &idSet, const QVariantList &values, const Visit &visit)
{
    // The consultations first, read whole (a day's or a department's set), then their messages
    // walked in the same order. Not side by side: on PostgreSQL a second query started while a
    // forward-only one is being read ends the first early (Qt's driver reads such results row
    // by row). Only system entries' bodies are read; texts stay on disk.
    QList<ConsultationTimeline> timelines;
    {
        SqlStatement consultations(
            m_database,
            QStringLiteral(
                "SELECT c.id, c.representative_id, r.kind,"
                " CASE r.kind WHEN 'npc' THEN r.delegation ELSE r.sector END,"
                " c.department_id, c.created_at"
                " FROM consultations c JOIN representatives r ON r.id = c.representative_id"
                " WHERE c.id IN (") +
                idSet + QStringLiteral(") ORDER BY c.id"),
            values);
        if (!consultations.ok())
            return false;
        while (consultations.next()) {
            ConsultationTimeline t;
            t.id = consultations.int64(0);
            t.representativeId = consultations.int64(1);
            t.groupKind = consultations.text(2);
            t.groupName = consultations.text(3);
            t.departmentId = consultations.int64(4);
            t.createdAt = consultations.int64(5);
            timelines.append(std::move(t));
        }
    }
    SqlStatement messages(
        m_database,
        QStringLiteral("SELECT m.consultation_id, m.sender_kind, m.sender_id, m.kind,"
                       " CASE WHEN m.kind = 'system' THEN m.body END,"
                       " COALESCE(v.duration_ms, 0), m.created_at"
                       " FROM messages m LEFT JOIN voice_clips v ON v.id = m.voice_clip_id"
                       " WHERE m.consultation_id IN (") +
            idSet + QStringLiteral(") ORDER BY m.consultation_id, m.id"),
        values);
    if (!messages.ok())
        return false;
    bool haveMessage = messages.next();
    for (ConsultationTimeline &t : timelines) {
        while (haveMessage && messages.int64(0) < t.id)
            haveMessage = messages.next();
        while (haveMessage && messages.int64(0) == t.id) {
            ConsultationTimeline::Entry e;
            e.sender = fromWireName<SenderKind>(messages.text(1)).value_or(SenderKind::System);
            e.senderId = messages.int64(2);
            e.kind = fromWireName<MessageKind>(messages.text(3)).value_or(MessageKind::Text);
            if (e.kind == MessageKind::System)
                e.system = QJsonDocument::fromJson(messages.text(4).toUtf8()).object();
            e.voiceMs = messages.int64(5);
            e.at = messages.int64(6);
            t.entries.append(std::move(e));
            haveMessage = messages.next();
        }
        visit(t);
        t.entries.clear(); // visited: only one timeline's messages are held at a time
    }
    return true;
}
