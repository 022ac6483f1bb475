#pragma once

#include "StatsCell.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// A department's counts on one day, for the charts over time.
struct DayCounts
{
    QDate day;
    qint64 received = 0;
    qint64 claimed = 0;
    qint64 closed = 0;
    qint64 textIn = 0;
    qint64 voiceIn = 0;
    qint64 textOut = 0;
    qint64 voiceOut = 0;

    static DayCounts of(const QDate &day, const StatsCell &cell);
    // Adds what changed from `before` to `after` (the same day's counts of one cell).
    void add(const DayCounts &after, const DayCounts &before);
    bool operator==(const DayCounts &o) const;
};

// The answer to stats.dashboard (docs/protocol.md section 16): one department's figures over a
// range of days, what is happening there now, and the breakdowns. Client and server share this
// type and its codec.
struct StatsReport
{
    struct ResponderRow
    {
        qint64 responderId = 0;
        qint64 openNow = 0; // consultations they hold now
        StatsCell cell;
    };
    // Representatives grouped by their delegation (NPC deputies) or sector (CPPCC members).
    struct GroupRow
    {
        QString kind; // "npc" | "cppcc"
        QString name; // "" when the representative has none recorded
        StatsCell cell;
    };

    qint64 departmentId = 0;
    QDate from;
    QDate to;
    QString timeZone;            // IANA id of the server's days
    int answerWithinMinutes = 0; // the department's target for first responses
    int waitingLimitMinutes = 0; // past this, a waiting consultation is overdue
    qint64 generatedAt = 0;      // server time, ms
    // Live, whatever the range.
    qint64 waitingNow = 0;
    qint64 oldestWaitingSince = 0; // when the longest-waiting one entered the queue; 0: none
    StatsCell department;
    QList<DayCounts> days;          // every day of the range, empty ones included
    QList<ResponderRow> responders; // a responder gets only their own row
    QList<GroupRow> groups;

    QJsonObject toJson() const;
    static std::optional<StatsReport> fromJson(const QJsonObject &json);
};

Q_DECLARE_METATYPE(StatsReport)
