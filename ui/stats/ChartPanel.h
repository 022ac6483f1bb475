#pragma once

#include <QFrame>

class ChartWidget;
class QStackedWidget;
class QTableView;
class QToolButton;
class StatsTableModel;

// One figure of the dashboard: its title, the chart (or only a table), its numbers one click
// away in a table view, and an export of those numbers to CSV.
class ChartPanel : public QFrame
{
    Q_OBJECT
public:
    // `chart` null: a table only. The panel takes ownership of the chart.
    ChartPanel(StatsTableModel *model, ChartWidget *chart, const QString &rowHeader,
               QWidget *parent = nullptr);

    StatsTableModel *model() const { return m_model; }
    ChartWidget *chart() const { return m_chart; }
    QTableView *table() const { return m_table; }
    bool showsTable() const;
    void showTable(bool table);
    QString csv() const;
    const QString &rowHeader() const { return m_rowHeader; }

Q_SIGNALS:
    // The officer asked to save this figure's numbers (the dashboard picks the file).
    void exportRequested(ChartPanel *panel);

private:
    StatsTableModel *m_model;
    ChartWidget *m_chart;
    QTableView *m_table;
    QStackedWidget *m_stack;
    QToolButton *m_toggle;
    QString m_rowHeader;
};
