#include "ConsultationQuery.h"

#include "app/domain/Vocabulary.h"

#include <QStringList>

namespace {
// Columns in the order CacheReader reads them, ordered by `key`; the values its placeholders
// take come first in `values`.
QString selectColumns(const QString &key, QVariantList &values)
{
    values << wireName(RepresentativeKind::Npc) << wireName(SenderKind::Representative)
           << wireName(MessageKind::System) << wireName(SenderKind::Responder);
    // The latest message that is not a system entry, and the officer who wrote it if one did:
    // found from the newest end of the (consultation_id, id) index, one row per consultation.
    return QStringLiteral(
               "SELECT c.id, c.state, c.department_id, c.assignee_id, c.subject, c.created_at,"
               " c.claimed_at, c.closed_at, c.close_summary, c.rating, c.representative_id,"
               " r.name, r.kind, CASE WHEN r.kind = ? THEN r.delegation ELSE r.sector END,"
               " c.last_transfer,"
               " (SELECT COUNT(*) FROM messages m WHERE m.consultation_id = c.id"
               "   AND m.sender_kind = ?"
               "   AND m.id > COALESCE((SELECT last_read_id FROM read_marks k"
               "                        WHERE k.consultation_id = c.id), 0)),"
               " lm.text, lm.kind, lm.sender_kind, lm.sender_id, COALESCE(lr.name, ''),"
               " lm.payload, COALESCE(a.name, ''),"
               " %1"
               " FROM consultations c LEFT JOIN representatives r ON r.id = c.representative_id"
               " LEFT JOIN messages lm ON lm.id = (SELECT m.id FROM messages m"
               "   WHERE m.consultation_id = c.id AND m.kind <> ? ORDER BY m.id DESC LIMIT 1)"
               " LEFT JOIN responders lr ON lm.sender_kind = ? AND lr.id = lm.sender_id"
               " LEFT JOIN responders a ON a.id = c.assignee_id")
        .arg(key);
}
} // namespace

bool ConsultationQuery::ascending() const
{
    return filter != Filter::Closed && filter != Filter::All;
}

QString ConsultationQuery::where(QVariantList &values) const
{
    QString narrowed;
    if (onlyId > 0) {
        narrowed += QStringLiteral("c.id = ? AND ");
        values << onlyId;
    }
    if (representativeId > 0) {
        narrowed += QStringLiteral("c.representative_id = ? AND ");
        values << representativeId;
    }
    if (exceptId > 0) {
        narrowed += QStringLiteral("c.id <> ? AND ");
        values << exceptId;
    }
    return narrowed + filterWhere(values);
}

QString ConsultationQuery::filterWhere(QVariantList &values) const
{
    switch (filter) {
    case Filter::Waiting:
        values << wireName(ConsultationState::Waiting) << departmentId;
        return QStringLiteral("c.state = ? AND c.department_id = ?");
    case Filter::Mine:
        values << wireName(ConsultationState::Claimed) << responderId;
        return QStringLiteral("c.state = ? AND c.assignee_id = ?");
    case Filter::TransferredToMe:
        values << wireName(ConsultationState::Closed) << responderId
               << wireName(ConsultationState::Waiting) << departmentId << departmentId;
        return QStringLiteral(
            "c.state <> ? AND c.last_transfer IS NOT NULL"
            " AND (json_extract(c.last_transfer, '$.toResponderId') = ?"
            "  OR (c.state = ? AND json_extract(c.last_transfer, '$.toDepartmentId') = ?"
            "      AND json_extract(c.last_transfer, '$.fromDepartmentId') <> ?))");
    case Filter::Closed:
        values << wireName(ConsultationState::Closed);
        return QStringLiteral("c.state = ?");
    case Filter::All:
        break;
    }
    return QStringLiteral("1");
}

QString ConsultationQuery::pageSql(QVariantList &values, qint64 afterKey, qint64 afterId,
                                   int limit) const
{
    const QString key = filter == Filter::Closed ? QStringLiteral("COALESCE(c.closed_at, 0)")
                                                 : QStringLiteral("c.created_at");
    QString sql = selectColumns(key, values);
    sql += QStringLiteral(" WHERE ") + where(values);
    if (afterId > 0) {
        // Keyset paging: stable while rows come and go, and as fast on page 500 as on page 1.
        sql += ascending() ? QStringLiteral(" AND (%1, c.id) > (?, ?)").arg(key)
                           : QStringLiteral(" AND (%1, c.id) < (?, ?)").arg(key);
        values << afterKey << afterId;
    }
    const QString direction = ascending() ? QStringLiteral("ASC") : QStringLiteral("DESC");
    sql += QStringLiteral(" ORDER BY %1 %2, c.id %2 LIMIT ?").arg(key, direction);
    values << limit;
    return sql;
}

QString ConsultationQuery::idsSql(QVariantList &values, const QList<qint64> &ids) const
{
    const QString key = filter == Filter::Closed ? QStringLiteral("COALESCE(c.closed_at, 0)")
                                                 : QStringLiteral("c.created_at");
    QString sql = selectColumns(key, values);
    sql += QStringLiteral(" WHERE ") + where(values);
    QStringList marks;
    for (qint64 id : ids) {
        marks << QStringLiteral("?");
        values << id;
    }
    return sql + QStringLiteral(" AND c.id IN (%1)").arg(marks.join(u','));
}
