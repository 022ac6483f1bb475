#include "StatsReport.h"

#include <QJsonArray>

DayCounts DayCounts::of(const QDate &day, const StatsCell &cell)
{
    return {day,         cell.received, cell.claimed, cell.closed,
            cell.textIn, cell.voiceIn,  cell.textOut, cell.voiceOut};
}

void DayCounts::add(const DayCounts &after, const DayCounts &before)
{
    day = after.day;
    received += after.received - before.received;
    claimed += after.claimed - before.claimed;
    closed += after.closed - before.closed;
    textIn += after.textIn - before.textIn;
    voiceIn += after.voiceIn - before.voiceIn;
    textOut += after.textOut - before.textOut;
    voiceOut += after.voiceOut - before.voiceOut;
}

bool DayCounts::operator==(const DayCounts &o) const
{
    return day == o.day && received == o.received && claimed == o.claimed && closed == o.closed &&
           textIn == o.textIn && voiceIn == o.voiceIn && textOut == o.textOut &&
           voiceOut == o.voiceOut;
}

namespace {

QString dateText(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

} // namespace

QJsonObject StatsReport::toJson() const
{
    QJsonArray dayArray;
    for (const DayCounts &d : days)
        dayArray.append(QJsonArray{dateText(d.day), d.received, d.claimed, d.closed, d.textIn,
                                   d.voiceIn, d.textOut, d.voiceOut});
    QJsonArray responderArray;
    for (const ResponderRow &r : responders)
        responderArray.append(QJsonObject{{QStringLiteral("responderId"), r.responderId},
                                          {QStringLiteral("openNow"), r.openNow},
                                          {QStringLiteral("figures"), r.cell.toJson()}});
    QJsonArray groupArray;
    for (const GroupRow &g : groups)
        groupArray.append(QJsonObject{{QStringLiteral("kind"), g.kind},
                                      {QStringLiteral("name"), g.name},
                                      {QStringLiteral("figures"), g.cell.toJson()}});
    return {{QStringLiteral("departmentId"), departmentId},
            {QStringLiteral("from"), dateText(from)},
            {QStringLiteral("to"), dateText(to)},
            {QStringLiteral("timeZone"), timeZone},
            {QStringLiteral("answerWithinMinutes"), answerWithinMinutes},
            {QStringLiteral("waitingLimitMinutes"), waitingLimitMinutes},
            {QStringLiteral("generatedAt"), generatedAt},
            {QStringLiteral("live"),
             QJsonObject{{QStringLiteral("waiting"), waitingNow},
                         {QStringLiteral("oldestWaitingSince"),
                          oldestWaitingSince > 0 ? QJsonValue(oldestWaitingSince) : QJsonValue()}}},
            {QStringLiteral("figures"), department.toJson()},
            {QStringLiteral("days"), dayArray},
            {QStringLiteral("responders"), responderArray},
            {QStringLiteral("groups"), groupArray}};
}

std::optional<StatsReport> StatsReport::fromJson(const QJsonObject &json)
{
    StatsReport r;
    r.departmentId = json.value(QLatin1String("departmentId")).toInteger();
    r.from = QDate::fromString(json.value(QLatin1String("from")).toString(), Qt::ISODate);
    r.to = QDate::fromString(json.value(QLatin1String("to")).toString(), Qt::ISODate);
    r.timeZone = json.value(QLatin1String("timeZone")).toString();
    r.answerWithinMinutes = json.value(QLatin1String("answerWithinMinutes")).toInt();
    r.waitingLimitMinutes = json.value(QLatin1String("waitingLimitMinutes")).toInt();
    r.generatedAt = json.value(QLatin1String("generatedAt")).toInteger();
    const QJsonObject live = json.value(QLatin1String("live")).toObject();
    r.waitingNow = live.value(QLatin1String("waiting")).toInteger();
    r.oldestWaitingSince = live.value(QLatin1String("oldestWaitingSince")).toInteger();
    auto figures = StatsCell::fromJson(json.value(QLatin1String("figures")).toObject());
    if (r.departmentId <= 0 || !r.from.isValid() || !r.to.isValid() || r.to < r.from || !figures)
        return std::nullopt;
    r.department = std::move(*figures);
    for (const QJsonValue &item : json.value(QLatin1String("days")).toArray()) {
        const QJsonArray a = item.toArray();
        DayCounts d{QDate::fromString(a.at(0).toString(), Qt::ISODate),
                    a.at(1).toInteger(-1),
                    a.at(2).toInteger(-1),
                    a.at(3).toInteger(-1),
                    a.at(4).toInteger(-1),
                    a.at(5).toInteger(-1),
                    a.at(6).toInteger(-1),
                    a.at(7).toInteger(-1)};
        if (a.size() != 8 || !d.day.isValid() ||
            std::min(
                {d.received, d.claimed, d.closed, d.textIn, d.voiceIn, d.textOut, d.voiceOut}) < 0)
            return std::nullopt;
        r.days.append(d);
    }
    for (const QJsonValue &item : json.value(QLatin1String("responders")).toArray()) {
        const QJsonObject o = item.toObject();
        auto cell = StatsCell::fromJson(o.value(QLatin1String("figures")).toObject());
        if (!cell)
            return std::nullopt;
        r.responders.append({o.value(QLatin1String("responderId")).toInteger(),
                             o.value(QLatin1String("openNow")).toInteger(), std::move(*cell)});
    }
    for (const QJsonValue &item : json.value(QLatin1String("groups")).toArray()) {
        const QJsonObject o = item.toObject();
        auto cell = StatsCell::fromJson(o.value(QLatin1String("figures")).toObject());
        if (!cell)
            return std::nullopt;
        r.groups.append({o.value(QLatin1String("kind")).toString(),
                         o.value(QLatin1String("name")).toString(), std::move(*cell)});
    }
    return r;
}
