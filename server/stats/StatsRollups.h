#pragma once

#include "ActivityFolder.h"

#include <QDate>
#include <QTimeZone>

class Database;

// Finished days of every department, folded once and stored (tables stats_days and
// stats_cells), so that a year is a sum of 365 stored days rather than a replay of its
// consultations. A day is finished a minute after it ends in the server's time zone: every
// event is stamped with the time it is stored, so nothing can land in it afterwards. Data
// written into the past by other means (an import) must clear the stored days it touches.
class StatsRollups
{
public:
    // Days stored under another time zone are dropped (they are other days): they are folded
    // again, in this zone, as they are needed.
    StatsRollups(Database &database, QTimeZone zone);

    const QTimeZone &zone() const { return m_zone; }
    qint64 startOfDay(const QDate &day) const;
    QDate dayOf(qint64 ms) const;
    // The last finished day at `nowMs`.
    QDate lastFinishedDay(qint64 nowMs) const;

    // The finished days of [from, to] not stored yet, oldest first (none before the first
    // consultation: those are empty and need no storing; an invalid `from`: since then).
    QList<QDate> missing(const QDate &from, const QDate &to, qint64 nowMs) const;
    // Sums the stored days of [from, to] for one department.
    bool load(qint64 departmentId, const QDate &from, const QDate &to, DepartmentActivity &into);
    QDate firstActivityDay() const;
    bool isStored(const QDate &day) const;
    // Folds one finished day of every department and stores it.
    bool store(const QDate &day);
    bool forget(const QDate &day);

private:
    bool loadStored(qint64 departmentId, const QDate &from, const QDate &to,
                    DepartmentActivity &into, QDate &damaged);

    Database &m_database;
    QTimeZone m_zone;
};
