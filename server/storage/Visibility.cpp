#include "Visibility.h"

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
