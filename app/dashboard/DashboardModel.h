#pragma once

#include "StatsTableModel.h"
#include "app/stats/StatsReport.h"
#include "app/workspace/Directory.h"

#include <QObject>

// The statistics dashboard's content, from one stats.dashboard answer: the headline figures and
// every chart's and table's numbers, each a StatsTableModel the widgets draw and export. Names
// of people and departments come from the workstation's directory; the wording is the reader's.
class DashboardModel : public QObject
{
    Q_OBJECT
public:
    explicit DashboardModel(QObject *parent = nullptr);

    void setDirectory(const Directory &directory, bool english);
    void setReport(const StatsReport &report);
    const StatsReport &report() const { return m_report; }
    bool hasReport() const { return m_hasReport; }

    // Headline figures: one row each, column 0 the value, column 1 what it means (p90, max, the
    // share...). AlertRole marks the oldest wait once it is past the department's limit.
    StatsTableModel *headline() { return &m_headline; }
    StatsTableModel *perDay() { return &m_perDay; }                 // received, claimed, closed
    StatsTableModel *messagesPerDay() { return &m_messages; }       // text/voice in and out
    StatsTableModel *firstResponses() { return &m_firstResponses; } // bins of minutes
    StatsTableModel *ratings() { return &m_ratings; }               // 1..5 stars
    StatsTableModel *heatMap() { return &m_heat; }                  // weekday x hour
    StatsTableModel *openByResponder() { return &m_open; }
    StatsTableModel *responders() { return &m_responders; }
    StatsTableModel *groups() { return &m_groups; }
    StatsTableModel *transfers() { return &m_transfers; }
    QList<StatsTableModel *> tables();

    // "2026-12-01 – 2026-12-07, Asia/Shanghai"; and how percentiles are defined and how
    // close they are, in the reader's words.
    QString rangeText() const;
    QString methodNote() const;
    // The same as p90 etc. in the headline, for the widgets' tiles.
    static QString percentilesText(const DurationHistogram &h);

Q_SIGNALS:
    void changed();

private:
    void rebuild();
    QString responderName(qint64 id) const;
    QString departmentName(qint64 id) const;

    Directory m_directory;
    bool m_english = false;
    StatsReport m_report;
    bool m_hasReport = false;
    StatsTableModel m_headline;
    StatsTableModel m_perDay;
    StatsTableModel m_messages;
    StatsTableModel m_firstResponses;
    StatsTableModel m_ratings;
    StatsTableModel m_heat;
    StatsTableModel m_open;
    StatsTableModel m_responders;
    StatsTableModel m_groups;
    StatsTableModel m_transfers;
};
