#pragma once

#include <QDate>
#include <QObject>
#include <QTimer>

class StatsRollups;

// Stores finished days in the background, newest first, one day per turn of the event loop so
// that requests are answered in between: after a start on a database with history, and each
// night for the day that just ended. A request whose range has a day not stored yet folds it
// itself; this only makes that rare.
class StatsBackfill : public QObject
{
    Q_OBJECT
public:
    explicit StatsBackfill(StatsRollups &rollups, QObject *parent = nullptr);

private:
    void rearm();
    void step();

    StatsRollups &m_rollups;
    QDate m_next;  // the next day to look at, going back; invalid: caught up
    QDate m_first; // the first day with a consultation
    QTimer m_step;
    QTimer m_nightly;
};
