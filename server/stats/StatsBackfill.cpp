#include "StatsBackfill.h"

#include "StatsLog.h"
#include "StatsRollups.h"

#include <QDateTime>

StatsBackfill::StatsBackfill(StatsRollups &rollups, QObject *parent)
    : QObject(parent)
    , m_rollups(rollups)
{
    m_step.setInterval(5); // a breath between days for the connections' requests
    connect(&m_step, &QTimer::timeout, this, &StatsBackfill::step);
    // Often enough to store yesterday soon after midnight; a check costs one query.
    m_nightly.setInterval(10 * 60 * 1000);
    connect(&m_nightly, &QTimer::timeout, this, &StatsBackfill::rearm);
    m_nightly.start();
    QTimer::singleShot(0, this, &StatsBackfill::rearm);
}

void StatsBackfill::rearm()
{
    m_first = m_rollups.firstActivityDay();
    const QDate last = m_rollups.lastFinishedDay(QDateTime::currentMSecsSinceEpoch());
    m_next = m_first.isValid() && last >= m_first ? last : QDate();
    if (m_next.isValid())
        m_step.start();
}

void StatsBackfill::step()
{
    // Stored days are skipped quickly; at most one day is folded per step.
    for (int checked = 0; m_next.isValid() && checked < 64; ++checked) {
        const QDate day = m_next;
        m_next = day > m_first ? day.addDays(-1) : QDate();
        if (m_rollups.isStored(day))
            continue;
        if (!m_rollups.store(day))
            qCWarning(lcStats) << "could not store the statistics of" << day;
        return;
    }
    if (!m_next.isValid()) {
        m_step.stop();
        qCInfo(lcStats) << "statistics stored for every finished day";
    }
}
