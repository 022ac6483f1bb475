#include "Directory.h"

#include "FieldCount.h"
#include "JsonValues.h"

#include <QJsonArray>

// Adding a field to a record: map it below, then raise the count here and at the other places
// that assert it (the client cache writer, the server's directory store).
static_assert(fieldCount<Department>() == 5, "a record gained a field: map it to and from JSON");
static_assert(fieldCount<Responder>() == 9, "a record gained a field: map it to and from JSON");
static_assert(fieldCount<Contact>() == 4, "a record gained a field: map it to and from JSON");
static_assert(fieldCount<Representative>() == 9,
              "a record gained a field: map it to and from JSON");
static_assert(fieldCount<Proposal>() == 13, "a record gained a field: map it to and from JSON");

QJsonObject Department::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("code"), code},
            {QStringLiteral("name"), name},
            {QStringLiteral("nameEn"), nameEn},
            {QStringLiteral("seq"), seq}};
}

std::optional<Department> Department::fromJson(const QJsonObject &json)
{
    Department d;
    d.id = idOf(json.value(QLatin1String("id")));
    d.code = json.value(QLatin1String("code")).toString();
    d.name = json.value(QLatin1String("name")).toString();
    d.nameEn = json.value(QLatin1String("nameEn")).toString();
    d.seq = json.value(QLatin1String("seq")).toInteger();
    if (d.id <= 0)
        return std::nullopt;
    return d;
}

QJsonObject Responder::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("login"), login},
            {QStringLiteral("name"), name},
            {QStringLiteral("departmentId"), departmentId},
            {QStringLiteral("role"), wireName(role)},
            {QStringLiteral("title"), title},
            {QStringLiteral("active"), active},
            {QStringLiteral("scriptEditor"), scriptEditor},
            {QStringLiteral("seq"), seq}};
}

std::optional<Responder> Responder::fromJson(const QJsonObject &json)
{
    const auto role = fromWireName<ResponderRole>(json.value(QLatin1String("role")).toString());
    Responder r;
    r.id = idOf(json.value(QLatin1String("id")));
    r.login = json.value(QLatin1String("login")).toString();
    r.name = json.value(QLatin1String("name")).toString();
    r.departmentId = idOf(json.value(QLatin1String("departmentId")));
    r.title = json.value(QLatin1String("title")).toString();
    r.active = json.value(QLatin1String("active")).toBool(true);
    r.scriptEditor = json.value(QLatin1String("scriptEditor")).toBool();
    r.seq = json.value(QLatin1String("seq")).toInteger();
    if (r.id <= 0 || !role)
        return std::nullopt;
    r.role = *role;
    return r;
}

QJsonObject Representative::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("login"), login},
            {QStringLiteral("name"), name},
            {QStringLiteral("kind"), wireName(kind)},
            {QStringLiteral("delegation"), delegation},
            {QStringLiteral("sector"), sector},
            {QStringLiteral("organization"), organization},
            {QStringLiteral("contact"),
             QJsonObject{{QStringLiteral("mobile"), contact.mobile},
                         {QStringLiteral("officePhone"), contact.officePhone},
                         {QStringLiteral("email"), contact.email},
                         {QStringLiteral("address"), contact.address}}},
            {QStringLiteral("seq"), seq}};
}

std::optional<Representative> Representative::fromJson(const QJsonObject &json)
{
    const auto kind =
        fromWireName<RepresentativeKind>(json.value(QLatin1String("kind")).toString());
    const QJsonObject contact = json.value(QLatin1String("contact")).toObject();
    Representative r;
    r.id = idOf(json.value(QLatin1String("id")));
    r.login = json.value(QLatin1String("login")).toString();
    r.name = json.value(QLatin1String("name")).toString();
    r.delegation = json.value(QLatin1String("delegation")).toString();
    r.sector = json.value(QLatin1String("sector")).toString();
    r.organization = json.value(QLatin1String("organization")).toString();
    r.contact.mobile = contact.value(QLatin1String("mobile")).toString();
    r.contact.officePhone = contact.value(QLatin1String("officePhone")).toString();
    r.contact.email = contact.value(QLatin1String("email")).toString();
    r.contact.address = contact.value(QLatin1String("address")).toString();
    r.seq = json.value(QLatin1String("seq")).toInteger();
    if (r.id <= 0 || !kind)
        return std::nullopt;
    r.kind = *kind;
    return r;
}

QJsonObject Proposal::toJson() const
{
    QJsonArray coDepartments;
    for (qint64 department : coDepartmentIds)
        coDepartments.append(department);
    return {{QStringLiteral("id"), id},
            {QStringLiteral("representativeId"), representativeId},
            {QStringLiteral("number"), number},
            {QStringLiteral("year"), year},
            {QStringLiteral("kind"), wireName(kind)},
            {QStringLiteral("title"), title},
            {QStringLiteral("category"), category},
            {QStringLiteral("categoryEn"), categoryEn},
            {QStringLiteral("status"), wireName(status)},
            {QStringLiteral("leadDepartmentId"), idOrNull(leadDepartmentId)},
            {QStringLiteral("coDepartmentIds"), coDepartments},
            {QStringLiteral("replySummary"), replySummary},
            {QStringLiteral("seq"), seq}};
}

std::optional<Proposal> Proposal::fromJson(const QJsonObject &json)
{
    const auto kind = fromWireName<ProposalKind>(json.value(QLatin1String("kind")).toString());
    const auto status =
        fromWireName<ProposalStatus>(json.value(QLatin1String("status")).toString());
    Proposal p;
    p.id = idOf(json.value(QLatin1String("id")));
    p.representativeId = idOf(json.value(QLatin1String("representativeId")));
    p.number = json.value(QLatin1String("number")).toString();
    p.year = json.value(QLatin1String("year")).toInt();
    p.title = json.value(QLatin1String("title")).toString();
    p.category = json.value(QLatin1String("category")).toString();
    p.categoryEn = json.value(QLatin1String("categoryEn")).toString();
    p.leadDepartmentId = idOf(json.value(QLatin1String("leadDepartmentId")));
    const QJsonArray coDepartments = json.value(QLatin1String("coDepartmentIds")).toArray();
    for (const QJsonValue &department : coDepartments)
        p.coDepartmentIds.append(department.toInteger());
    p.replySummary = json.value(QLatin1String("replySummary")).toString();
    p.seq = json.value(QLatin1String("seq")).toInteger();
    if (p.id <= 0 || !kind || !status)
        return std::nullopt;
    p.kind = *kind;
    p.status = *status;
    return p;
}
