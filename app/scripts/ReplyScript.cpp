#include "ReplyScript.h"

#include <QJsonArray>

QString ReplyScript::scopeName(Scope scope)
{
    return wireName(scope);
}

std::optional<ReplyScript::Scope> ReplyScript::scopeFromName(const QString &name)
{
    return fromWireName<ScriptScope>(name);
}

QJsonObject ReplyScript::toJson() const
{
    QJsonObject json{{QStringLiteral("clientId"), clientId},
                     {QStringLiteral("scope"), scopeName(scope)},
                     {QStringLiteral("title"), title},
                     {QStringLiteral("body"), body},
                     {QStringLiteral("category"), category},
                     {QStringLiteral("tags"), QJsonArray::fromStringList(tags)},
                     {QStringLiteral("validUntil"),
                      validUntil.isValid() ? QJsonValue(validUntil.toString(Qt::ISODate))
                                           : QJsonValue(QJsonValue::Null)},
                     {QStringLiteral("position"), position}};
    if (id > 0) {
        json.insert(QStringLiteral("id"), id);
        json.insert(QStringLiteral("revision"), revision);
    }
    return json;
}

ReplyScript ReplyScript::fromJson(const QJsonObject &json)
{
    ReplyScript s;
    s.clientId = json.value(QLatin1String("clientId")).toString();
    s.id = json.value(QLatin1String("id")).toInteger();
    s.scope =
        scopeFromName(json.value(QLatin1String("scope")).toString()).value_or(Scope::Personal);
    s.title = json.value(QLatin1String("title")).toString();
    s.body = json.value(QLatin1String("body")).toString();
    s.category = json.value(QLatin1String("category")).toString();
    for (const QJsonValue &tag : json.value(QLatin1String("tags")).toArray())
        s.tags << tag.toString();
    s.validUntil =
        QDate::fromString(json.value(QLatin1String("validUntil")).toString(), Qt::ISODate);
    s.position = json.value(QLatin1String("position")).toDouble();
    s.revision = json.value(QLatin1String("revision")).toInteger();
    s.seq = json.value(QLatin1String("seq")).toInteger();
    return s;
}
