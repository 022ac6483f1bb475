#include "Visibility.h"

#include "Sql.h"

QString visibleConsultationClause(const Principal &principal)
{
    if (principal.isRepresentative())
        return QStringLiteral("c.representative_id = ?");
    return QStringLiteral(
        "(c.department_id = ? OR EXISTS (SELECT 1 FROM consultation_participants p"
        " WHERE p.consultation_id = c.id AND p.responder_id = ?))");
}

QVariantList visibleConsultationValues(const Principal &principal)
{
    if (principal.isRepresentative())
        return {principal.id};
    return {principal.departmentId, principal.id};
}

SyncPage
visibleSyncPage(Database &database, const QString &select, const QString &seqColumn,
                const Principal &principal, qint64 afterSeq, int limit,
                const std::function<std::pair<QJsonObject, qint64>(const SqlStatement &)> &read)
{
    QVariantList values{afterSeq};
    values += visibleConsultationValues(principal);
    values << limit + 1;
    SqlStatement query(database,
                       select + QStringLiteral(" WHERE %1 > ? AND ").arg(seqColumn) +
                           visibleConsultationClause(principal) +
                           QStringLiteral(" ORDER BY %1 LIMIT ?").arg(seqColumn),
                       values);
    SyncPage page;
    while (query.next()) {
        if (page.items.size() == limit) {
            page.more = true;
            break;
        }
        const auto [json, seq] = read(query);
        page.lastSeq = seq;
        page.items.append(json);
    }
    return page;
}
