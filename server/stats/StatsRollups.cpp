#include "StatsRollups.h"

#include "ActivityReader.h"
#include "StatsLog.h"
#include "server/storage/Database.h"
#include "server/storage/Sql.h"
#include "server/storage/WriteTransaction.h"

#include <QDateTime>
#include <QSet>

Q_LOGGING_CATEGORY(lcStats, "consult.stats")

namespace {

constexpr qint64 SettleMs = 60 * 1000;

const QString Department = QStringLiteral("department");
const QString Responder = QStringLiteral("responder");
const QString Group = QStringLiteral("group");

bool insertCell(Database &db, qint64 department, const QString &day, const QString &dimension,
                const QString &kind, const QString &key, const StatsCell &cell)
{
    return SqlStatement(db,
                        QStringLiteral("INSERT INTO stats_cells (department_id, day, dimension,"
                                       " kind, key, cell) VALUES (?, ?, ?, ?, ?, ?)"
                                       // Another node may have stored the same finished day:
                                       // folded from the same rows, it is the same.
                                       " ON CONFLICT (department_id, day, dimension, kind, key)"
                                       " DO NOTHING"),
                        {department, day, dimension, kind, key, cell.toStorage()})
        .ok();
}

} // namespace

StatsRollups::StatsRollups(Database &database, QTimeZone zone)
    : m_database(database)
    , m_zone(std::move(zone))
{
    const QString id = QString::fromUtf8(m_zone.id());
    WriteTransaction transaction(m_database);
    if (SqlStatement(m_database,
                     QStringLiteral("DELETE FROM stats_cells WHERE day IN"
                                    " (SELECT day FROM stats_days WHERE zone <> ?)"),
                     {id})
            .ok() &&
        SqlStatement(m_database, QStringLiteral("DELETE FROM stats_days WHERE zone <> ?"), {id})
            .ok() &&
        transaction.commit())
        return;
    qCCritical(lcStats) << "could not drop the days stored under another time zone than" << id;
}

qint64 StatsRollups::startOfDay(const QDate &day) const
{
    return day.startOfDay(m_zone).toMSecsSinceEpoch();
}

QDate StatsRollups::dayOf(qint64 ms) const
{
    return QDateTime::fromMSecsSinceEpoch(ms, m_zone).date();
}

QDate StatsRollups::lastFinishedDay(qint64 nowMs) const
{
    return dayOf(nowMs - SettleMs).addDays(-1);
}

bool StatsRollups::isStored(const QDate &day) const
{
    SqlStatement q(m_database, QStringLiteral("SELECT 1 FROM stats_days WHERE day = ?"),
                   {day.toString(Qt::ISODate)});
    return q.ok() && q.next();
}

QDate StatsRollups::firstActivityDay() const
{
    SqlStatement q(m_database, QStringLiteral("SELECT MIN(created_at) FROM consultations"));
    if (!q.ok() || !q.next() || q.value(0).isNull())
        return {};
    return dayOf(q.int64(0));
}

bool StatsRollups::store(const QDate &day)
{
    ActivityFolder folder(startOfDay(day), startOfDay(day.addDays(1)), m_zone);
    if (!ActivityReader(m_database)
             .readActiveBetween(startOfDay(day), startOfDay(day.addDays(1)),
                                [&folder](const ConsultationTimeline &t) { folder.fold(t); }))
        return false;
    folder.dropSamples();
    const QString dayText = day.toString(Qt::ISODate);
    WriteTransaction transaction(m_database);
    bool ok = transaction.isOpen();
    for (auto it = folder.departments().cbegin(); ok && it != folder.departments().cend(); ++it) {
        const DepartmentActivity &a = it.value();
        ok = insertCell(m_database, it.key(), dayText, Department, {}, {}, a.department);
        for (const auto &[id, cell] : a.responders)
            ok = ok && insertCell(m_database, it.key(), dayText, Responder, {}, QString::number(id),
                                  cell);
        for (const auto &[group, cell] : a.groups)
            ok = ok &&
                 insertCell(m_database, it.key(), dayText, Group, group.first, group.second, cell);
    }
    ok = ok && SqlStatement(
                   m_database,
                   QStringLiteral("INSERT INTO stats_days (day, zone, computed_at)"
                                  " VALUES (?, ?, ?) ON CONFLICT (day) DO NOTHING"),
                   {dayText, QString::fromUtf8(m_zone.id()), QDateTime::currentMSecsSinceEpoch()})
                   .ok();
    return ok && transaction.commit();
}

QList<QDate> StatsRollups::missing(const QDate &from, const QDate &to, qint64 nowMs) const
{
    const QDate firstActivity = firstActivityDay();
    QList<QDate> days;
    if (!firstActivity.isValid()) // no consultation yet: every day is empty, none to store
        return days;
    const QDate first = from.isValid() ? std::max(from, firstActivity) : firstActivity;
    const QDate last = std::min(to, lastFinishedDay(nowMs));
    if (first > last)
        return days;
    QSet<QString> stored;
    SqlStatement q(m_database,
                   QStringLiteral("SELECT day FROM stats_days WHERE day >= ? AND day <= ?"),
                   {first.toString(Qt::ISODate), last.toString(Qt::ISODate)});
    while (q.ok() && q.next())
        stored.insert(q.text(0));
    for (QDate day = first; day <= last; day = day.addDays(1)) {
        if (!stored.contains(day.toString(Qt::ISODate)))
            days.append(day);
    }
    return days;
}

bool StatsRollups::forget(const QDate &day)
{
    const QString dayText = day.toString(Qt::ISODate);
    WriteTransaction transaction(m_database);
    return SqlStatement(m_database, QStringLiteral("DELETE FROM stats_cells WHERE day = ?"),
                        {dayText})
               .ok() &&
           SqlStatement(m_database, QStringLiteral("DELETE FROM stats_days WHERE day = ?"),
                        {dayText})
               .ok() &&
           transaction.commit();
}

bool StatsRollups::load(qint64 departmentId, const QDate &from, const QDate &to,
                        DepartmentActivity &into)
{
    QDate damaged;
    if (loadStored(departmentId, from, to, into, damaged))
        return true;
    if (!damaged.isValid())
        return false;
    // A stored day that cannot be read (damaged, or written by a later version) is folded
    // again from the consultations, which are the truth; then the range is read once more.
    qCWarning(lcStats) << "stored statistics of" << damaged << "unreadable; folding it again";
    into = {};
    return forget(damaged) && store(damaged) && loadStored(departmentId, from, to, into, damaged);
}

bool StatsRollups::loadStored(qint64 departmentId, const QDate &from, const QDate &to,
                              DepartmentActivity &into, QDate &damaged)
{
    SqlStatement q(m_database,
                   QStringLiteral("SELECT day, dimension, kind, key, cell FROM stats_cells"
                                  " WHERE department_id = ? AND day >= ? AND day <= ?"),
                   {departmentId, from.toString(Qt::ISODate), to.toString(Qt::ISODate)});
    if (!q.ok())
        return false;
    while (q.next()) {
        auto cell = StatsCell::fromStorage(q.value(4).toByteArray());
        if (!cell) {
            damaged = QDate::fromString(q.text(0), Qt::ISODate);
            return false;
        }
        const QString dimension = q.text(1);
        if (dimension == Department) {
            const QDate day = QDate::fromString(q.text(0), Qt::ISODate);
            into.days[day] = DayCounts::of(day, *cell);
            into.department.merge(*cell);
        } else if (dimension == Responder) {
            into.responders[q.text(3).toLongLong()].merge(*cell);
        } else {
            into.groups[{q.text(2), q.text(3)}].merge(*cell);
        }
    }
    return true;
}
