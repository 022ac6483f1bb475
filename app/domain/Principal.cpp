#include "Principal.h"

#include "FieldCount.h"
#include "JsonValues.h"
#include "Vocabulary.h"

static_assert(fieldCount<Principal>() == 6, "map the new field in toJson and fromJson");

QString Principal::kindName() const
{
    return wireName(kind == Kind::Responder ? SenderKind::Responder : SenderKind::Representative);
}

QJsonObject Principal::toJson() const
{
    QJsonObject json{{QStringLiteral("kind"), kindName()},
                     {QStringLiteral("id"), id},
                     {QStringLiteral("name"), name}};
    if (isResponder()) {
        json.insert(QStringLiteral("departmentId"), departmentId);
        json.insert(QStringLiteral("role"),
                    wireName(lead ? ResponderRole::Lead : ResponderRole::Responder));
        json.insert(QStringLiteral("scriptEditor"), scriptEditor);
    }
    return json;
}

std::optional<Principal> Principal::fromJson(const QJsonObject &json)
{
    const auto kind = fromWireName<SenderKind>(json.value(QLatin1String("kind")).toString());
    Principal p;
    p.id = idOf(json.value(QLatin1String("id")));
    p.name = json.value(QLatin1String("name")).toString();
    if (kind == SenderKind::Responder) {
        p.kind = Kind::Responder;
        p.departmentId = idOf(json.value(QLatin1String("departmentId")));
        p.lead = fromWireName<ResponderRole>(json.value(QLatin1String("role")).toString()) ==
                 ResponderRole::Lead;
        p.scriptEditor = json.value(QLatin1String("scriptEditor")).toBool();
    } else if (kind == SenderKind::Representative) {
        p.kind = Kind::Representative;
    }
    if (!p.isSignedIn() || p.id <= 0)
        return std::nullopt;
    return p;
}
