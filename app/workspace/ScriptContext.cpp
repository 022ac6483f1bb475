#include "ScriptContext.h"

namespace {
// How a reply addresses the representative: words of the reply text, so Chinese in any
// interface language.
QString titleOf(const QString &kind)
{
    if (kind == QLatin1String("npc"))
        return QStringLiteral("代表");
    if (kind == QLatin1String("cppcc"))
        return QStringLiteral("委员");
    return {}; // unknown: the placeholder stays and is reported
}
} // namespace

PlaceholderContext placeholderContextFor(const ConsultationRow &row, const Directory &directory,
                                         const QJsonObject &principal, const QDate &today)
{
    PlaceholderContext context;
    context.representativeName = row.representativeName;
    context.representativeTitle = titleOf(row.representativeKind);
    context.delegationOrSector = row.representativeGroup;
    context.department =
        directory.departmentName(principal.value(QLatin1String("departmentId")).toInteger(), false);
    context.responderName = principal.value(QLatin1String("name")).toString();
    if (row.id > 0)
        context.consultationNumber = QString::number(row.id);
    context.today = today;
    return context;
}
