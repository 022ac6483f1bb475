#include "Consultation.h"

#include "FieldCount.h"
#include "JsonValues.h"

// Adding a field: map it below, then raise the count here and where else it is asserted (the
// client cache writer, the server's consultation rows).
static_assert(fieldCount<Transfer>() == 7, "a record gained a field: map it to and from JSON");
static_assert(fieldCount<Consultation>() == 16, "a record gained a field: map it to and from JSON");

QJsonObject Transfer::toJson() const
{
    return {{QStringLiteral("fromDepartmentId"), fromDepartmentId},
            {QStringLiteral("fromResponderId"), idOrNull(fromResponderId)},
            {QStringLiteral("toDepartmentId"), toDepartmentId},
            {QStringLiteral("toResponderId"), idOrNull(toResponderId)},
            {QStringLiteral("reason"), reason},
            {QStringLiteral("byResponderId"), byResponderId},
            {QStringLiteral("at"), at}};
}

Transfer Transfer::fromJson(const QJsonObject &json)
{
    Transfer t;
    t.fromDepartmentId = idOf(json.value(QLatin1String("fromDepartmentId")));
    t.fromResponderId = idOf(json.value(QLatin1String("fromResponderId")));
    t.toDepartmentId = idOf(json.value(QLatin1String("toDepartmentId")));
    t.toResponderId = idOf(json.value(QLatin1String("toResponderId")));
    t.reason = json.value(QLatin1String("reason")).toString();
    t.byResponderId = idOf(json.value(QLatin1String("byResponderId")));
    t.at = json.value(QLatin1String("at")).toInteger();
    return t;
}

QJsonObject Consultation::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("clientId"), clientId},
            {QStringLiteral("representativeId"), representativeId},
            {QStringLiteral("departmentId"), departmentId},
            {QStringLiteral("state"), wireName(state)},
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

std::optional<Consultation> Consultation::fromJson(const QJsonObject &json)
{
    const auto state =
        fromWireName<ConsultationState>(json.value(QLatin1String("state")).toString());
    Consultation c;
    c.id = idOf(json.value(QLatin1String("id")));
    c.clientId = json.value(QLatin1String("clientId")).toString();
    c.representativeId = idOf(json.value(QLatin1String("representativeId")));
    c.departmentId = idOf(json.value(QLatin1String("departmentId")));
    c.assigneeId = idOf(json.value(QLatin1String("assigneeId")));
    c.subject = json.value(QLatin1String("subject")).toString();
    c.createdAt = json.value(QLatin1String("createdAt")).toInteger();
    c.claimedAt = idOf(json.value(QLatin1String("claimedAt")));
    c.closedAt = idOf(json.value(QLatin1String("closedAt")));
    c.closeSummary = json.value(QLatin1String("closeSummary")).toString();
    c.rating = json.value(QLatin1String("rating")).toInt();
    c.ratingComment = json.value(QLatin1String("ratingComment")).toString();
    c.ratedAt = idOf(json.value(QLatin1String("ratedAt")));
    const QJsonValue transfer = json.value(QLatin1String("lastTransfer"));
    if (transfer.isObject())
        c.lastTransfer = Transfer::fromJson(transfer.toObject());
    c.seq = json.value(QLatin1String("seq")).toInteger();
    if (c.id <= 0 || !state)
        return std::nullopt;
    c.state = *state;
    return c;
}
