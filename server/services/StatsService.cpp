#include "StatsService.h"

#include "Caller.h"
#include "app/protocol/ParamReader.h"
#include "app/stats/StatsReport.h"
#include "server/stats/ActivityReader.h"
#include "server/stats/StatsRollups.h"
#include "server/storage/Sql.h"
#include "server/storage/WriteTransaction.h"

#include <QTimeZone>

#include <map>

namespace {

constexpr int MaxRangeDays = 366;
// Days a request may fold itself when they are not stored yet. Folding one day of a busy
// server (all departments at once) takes about a tenth of a second on the reference machine;
// more than this and the request would hold every other connection up, so beyond it the
// answer is "come back" while the background (and each retry) stores them, newest first.
constexpr int MaxDaysFoldedPerRequest = 3;
constexpr int EstimatedFoldMsPerDay = 150;
constexpr int ShortRangeDays = 45;

ProtocolError forbidden(const QString &why)
{
    return ProtocolError::make(ErrorCode::Forbidden, why);
}

void addActivity(DepartmentActivity &into, const DepartmentActivity &more)
{
    into.department.merge(more.department);
    for (const auto &[id, cell] : more.responders)
        into.responders[id].merge(cell);
    for (const auto &[group, cell] : more.groups)
        into.groups[group].merge(cell);
    for (const auto &[day, counts] : more.days)
        into.days[day] = counts;
}

} // namespace

Reply StatsService::dashboard(Caller &caller, const QJsonObject &params)
{
    const Principal &p = caller.principal();
    if (!p.isResponder())
        return forbidden(QStringLiteral("statistics are for a department's officers"));
    ParamReader in(params);
    const qint64 departmentId =
        in.optionalId(QLatin1String("departmentId")).value_or(p.departmentId);
    const QString range = in.optionalString(QLatin1String("range"), 8);
    const QString fromText = in.optionalString(QLatin1String("from"), 10);
    const QString toText = in.optionalString(QLatin1String("to"), 10);
    const bool exact = params.value(QLatin1String("exact")).toBool(false);
    if (!in.ok())
        return in.error();
    if (departmentId != p.departmentId)
        return forbidden(QStringLiteral("statistics of another department"));

    const qint64 now = ServerContext::now();
    const QDate today = m_rollups.dayOf(now);
    QDate from, to;
    if (!range.isEmpty()) {
        const int days = range == QLatin1String("today")   ? 1
                         : range == QLatin1String("week")  ? 7
                         : range == QLatin1String("month") ? 30
                                                           : 0;
        if (days == 0 || !fromText.isEmpty() || !toText.isEmpty())
            return ProtocolError::make(ErrorCode::BadRequest,
                                       QStringLiteral("range is today, week or month, alone"),
                                       {{QStringLiteral("field"), QStringLiteral("range")}});
        to = today;
        from = today.addDays(1 - days);
    } else {
        from = QDate::fromString(fromText, Qt::ISODate);
        to = QDate::fromString(toText, Qt::ISODate);
        if (!from.isValid() || !to.isValid() || to < from)
            return ProtocolError::make(ErrorCode::BadRequest,
                                       QStringLiteral("from and to are dates (YYYY-MM-DD), from"
                                                      " not after to; or give a range"),
                                       {{QStringLiteral("field"), QStringLiteral("from")}});
        if (from.daysTo(to) + 1 > MaxRangeDays)
            return ProtocolError::make(
                ErrorCode::TooLarge,
                QStringLiteral("at most %1 days in one request").arg(MaxRangeDays),
                {{QStringLiteral("field"), QStringLiteral("to")},
                 {QStringLiteral("limit"), MaxRangeDays}});
    }

    DepartmentActivity activity;
    const qint64 rangeStart = m_rollups.startOfDay(from);
    const qint64 rangeEnd = m_rollups.startOfDay(to.addDays(1));
    if (exact) {
        // A short range: what was active then (the day index finds it); a long one: everything
        // the department ever had, which is fewer rows than a long range's activity of all.
        ActivityFolder folder(rangeStart, rangeEnd, m_rollups.zone(), departmentId);
        const auto fold = [&folder](const ConsultationTimeline &t) {
            folder.fold(t);
        };
        ActivityReader reader(m_ctx.database);
        const bool read = from.daysTo(to) < ShortRangeDays
                              ? reader.readActiveBetween(rangeStart, rangeEnd, fold, departmentId)
                              : reader.readOfDepartment(departmentId, rangeEnd, fold);
        if (!read)
            return internalError();
        activity = folder.departments().value(departmentId);
    } else {
        // Stored days up to the last finished one; the rest (today, and yesterday's first
        // minute) folded now.
        const QDate lastStored = std::min(to, m_rollups.lastFinishedDay(now));
        // Newest first, at most a few per request: each retry makes progress even when the
        // background is not running.
        const auto missing = m_rollups.missing(from, lastStored, now);
        for (qsizetype i = missing.size() - 1;
             i >= 0 && i >= missing.size() - MaxDaysFoldedPerRequest; --i) {
            if (!m_rollups.store(missing.at(i)))
                return internalError();
        }
        const qint64 left = std::max<qint64>(0, missing.size() - MaxDaysFoldedPerRequest);
        if (left > 0)
            return ProtocolError::make(
                ErrorCode::RateLimited,
                QStringLiteral("the figures of %1 days are still being prepared").arg(left),
                {{QStringLiteral("retryAfterMs"),
                  std::max<qint64>(1000, left * EstimatedFoldMsPerDay)},
                 {QStringLiteral("preparingDays"), left}});
        if (from <= lastStored && !m_rollups.load(departmentId, from, lastStored, activity))
            return internalError();
        const qint64 liveStart = std::max(rangeStart, m_rollups.startOfDay(lastStored.addDays(1)));
        if (liveStart < rangeEnd) {
            ActivityFolder folder(liveStart, rangeEnd, m_rollups.zone(), departmentId);
            if (!ActivityReader(m_ctx.database)
                     .readActiveBetween(
                         liveStart, rangeEnd,
                         [&folder](const ConsultationTimeline &t) { folder.fold(t); },
                         departmentId))
                return internalError();
            addActivity(activity, folder.departments().value(departmentId));
        }
    }

    StatsReport report;
    report.departmentId = departmentId;
    report.from = from;
    report.to = to;
    report.timeZone = QString::fromUtf8(m_rollups.zone().id());
    report.generatedAt = now;
    if (!readLive(departmentId, report))
        return internalError();
    report.department = activity.department;
    for (QDate day = from; day <= to; day = day.addDays(1)) {
        const auto it = activity.days.find(day);
        report.days.append(it != activity.days.end() ? it->second : DayCounts{day});
    }
    // Open now per responder, read by readLive into rows; figures go beside them.
    QList<StatsReport::ResponderRow> rows = report.responders;
    report.responders.clear();
    std::map<qint64, StatsReport::ResponderRow> byId;
    for (const auto &row : rows)
        byId[row.responderId] = row;
    for (const auto &[id, cell] : activity.responders) {
        byId[id].responderId = id;
        byId[id].cell = cell;
    }
    for (const auto &[id, row] : byId) {
        if (p.lead || id == p.id)
            report.responders.append(row);
    }
    for (const auto &[group, cell] : activity.groups)
        report.groups.append({group.first, group.second, cell});
    return QJsonObject{{QStringLiteral("report"), report.toJson()}};
}

bool StatsService::readLive(qint64 departmentId, StatsReport &report)
{
    SqlStatement targets(m_ctx.database,
                         QStringLiteral("SELECT answer_within_minutes, waiting_limit_minutes"
                                        " FROM departments WHERE id = ?"),
                         {departmentId});
    if (!targets.ok() || !targets.next())
        return false;
    report.answerWithinMinutes = int(targets.int64(0));
    report.waitingLimitMinutes = int(targets.int64(1));
    // A waiting consultation entered the queue when it was opened or last handed to the
    // department (a hand-over to a person makes it claimed, not waiting). Both queries name
    // the partial index's condition (consultations_open), so they read only open ones.
    SqlStatement waiting(m_ctx.database,
                         QStringLiteral("SELECT COUNT(*), MIN(COALESCE(t.created_at, c.created_at))"
                                        " FROM consultations c"
                                        " LEFT JOIN transfers t ON t.id = c.last_transfer_id"
                                        " WHERE c.department_id = ? AND c.state <> 'closed'"
                                        " AND c.state = 'waiting'"),
                         {departmentId});
    if (!waiting.ok() || !waiting.next())
        return false;
    report.waitingNow = waiting.int64(0);
    report.oldestWaitingSince = waiting.value(1).isNull() ? 0 : waiting.int64(1);
    std::map<qint64, qint64> open;
    SqlStatement held(m_ctx.database,
                      QStringLiteral("SELECT assignee_id, COUNT(*) FROM consultations"
                                     " WHERE department_id = ? AND state <> 'closed'"
                                     " AND state = 'claimed' GROUP BY assignee_id"),
                      {departmentId});
    while (held.ok() && held.next())
        open[held.int64(0)] = held.int64(1);
    if (!held.ok())
        return false;
    // Every active responder of the department has a row, busy or not.
    SqlStatement people(m_ctx.database,
                        QStringLiteral("SELECT id FROM responders WHERE department_id = ?"
                                       " AND active = 1 ORDER BY id"),
                        {departmentId});
    if (!people.ok())
        return false;
    while (people.next()) {
        const qint64 id = people.int64(0);
        report.responders.append({id, open.count(id) ? open.at(id) : 0, {}});
    }
    return true;
}

Reply StatsService::targets(Caller &caller, const QJsonObject &params)
{
    const Principal &p = caller.principal();
    if (!p.isResponder() || !p.lead)
        return forbidden(QStringLiteral("a department's lead sets its targets"));
    ParamReader in(params);
    const qint64 answerWithin = in.requireInt(QLatin1String("answerWithinMinutes"), 1, 240);
    const qint64 waitingLimit = in.requireInt(QLatin1String("waitingLimitMinutes"), 1, 1440);
    if (!in.ok())
        return in.error();
    WriteTransaction change(m_ctx.database);
    if (!change.isOpen() ||
        !SqlStatement(m_ctx.database,
                      QStringLiteral("UPDATE departments SET answer_within_minutes = ?,"
                                     " waiting_limit_minutes = ? WHERE id = ?"),
                      {answerWithin, waitingLimit, p.departmentId})
             .ok() ||
        !change.commit())
        return internalError();
    return QJsonObject{{QStringLiteral("answerWithinMinutes"), answerWithin},
                       {QStringLiteral("waitingLimitMinutes"), waitingLimit}};
}
