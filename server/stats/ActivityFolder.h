#pragma once

#include "ConsultationTimeline.h"
#include "app/stats/StatsCell.h"
#include "app/stats/StatsReport.h"

#include <QDate>
#include <QHash>
#include <QTimeZone>

#include <map>
#include <utility>

// One department's figures over a span of time, folded from consultation timelines.
struct DepartmentActivity
{
    StatsCell department;
    std::map<qint64, StatsCell> responders;
    std::map<std::pair<QString, QString>, StatsCell> groups; // (kind, name)
    std::map<QDate, DayCounts> days;
};

// Replays consultation timelines and counts each event that happened in [fromMs, toMs) for the
// department it happened in (docs/protocol.md section 16 defines what each event is). A
// department filter (0: all) keeps an exact recomputation of one department from building the
// others'. One code path for the stored days, today's live figures and exact exports.
class ActivityFolder
{
public:
    ActivityFolder(qint64 fromMs, qint64 toMs, QTimeZone zone, qint64 onlyDepartment = 0)
        : m_from(fromMs)
        , m_to(toMs)
        , m_zone(std::move(zone))
        , m_only(onlyDepartment)
    {}

    void fold(const ConsultationTimeline &timeline);
    // Durations stop being kept value by value (for storing days).
    void dropSamples();
    const QHash<qint64, DepartmentActivity> &departments() const { return m_departments; }

private:
    struct Where
    {
        qint64 department = 0;
        qint64 responder = 0; // 0: not a responder's event
        qint64 at = 0;
    };
    // Counts an event at `where` into the cells it belongs to (nothing when it is outside the
    // span): apply(cell, whole) with whole true for the department's own cell, which alone
    // keeps who wrote (a set per cell would make a year of rows slow to add up) and the hours.
    template<typename F> void count(const Where &where, const ConsultationTimeline &t, F &&apply);

    qint64 m_from;
    qint64 m_to;
    QTimeZone m_zone;
    qint64 m_only;
    QHash<qint64, DepartmentActivity> m_departments;
};
