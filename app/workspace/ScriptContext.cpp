#include "ScriptContext.h"

namespace {
// How a reply addresses the representative: words of the reply text, so Chinese in any
// interface language.
QString titleOf(RepresentativeKind kind)
{
    return kind == RepresentativeKind::Npc ? QStringLiteral("代表") : QStringLiteral("委员");
}
} // namespace

PlaceholderContext placeholderContextFor(const ConsultationRow &row, const Directory &directory,
                                         const Principal &principal, const QDate &today)
{
    PlaceholderContext context;
    context.representativeName = row.representativeName;
    context.representativeTitle = titleOf(row.representativeKind);
    context.delegationOrSector = row.representativeGroup;
    context.department = directory.departmentName(principal.departmentId, false);
    context.responderName = principal.name;
    if (row.id > 0)
        context.consultationNumber = QString::number(row.id);
    context.today = today;
    return context;
}
