#pragma once

#include "app/session/DepartmentStatistics.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class ChartPanel;
class DashboardModel;
class HeadlineTiles;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QScrollArea;
struct Directory;

// 数据统计: the department's statistics in one window, for a lead at the end of a session day
// and for officers who want to see where they stand. The range is chosen at the top; the
// figures follow the department's consultations while the window is open. Every chart has
// its numbers a click away and a CSV export; the whole dashboard goes to PDF.
class StatsDashboard : public QWidget
{
    Q_OBJECT
public:
    StatsDashboard(DepartmentStatistics &statistics, bool lead, const QString &departmentName,
                   QWidget *parent = nullptr);
    ~StatsDashboard() override;

    void setDirectory(const Directory &directory, bool english);
    DashboardModel *model() const { return m_model; }
    QList<ChartPanel *> panels() const { return m_panels; }
    // Writes the dashboard, as on screen, to a PDF file; false with the reason on failure.
    bool writePdf(const QString &path, QString *error = nullptr);
    // Starts watching the chosen range (also on show).
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void onReport();
    void onFailed(const QString &reason);
    void rangeChosen();
    void exportPanel(ChartPanel *panel);
    void exportPdf();
    void savePanel(ChartPanel *panel);
    void savePdf();
    void editTargets();
    // Exports are made from every figure refolded from the raw rows (not the stored days'
    // histograms): fetch those first, show them, then write.
    void withExactFigures(std::function<void()> then);

    // The session's, which may end (sign-out) while this window is still open.
    QPointer<DepartmentStatistics> m_statistics;
    DashboardModel *m_model;
    QComboBox *m_range;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLabel *m_status;
    QLabel *m_rangeText;
    QLabel *m_note;
    QPushButton *m_targets;
    HeadlineTiles *m_tiles;
    QScrollArea *m_scroll;
    QWidget *m_content;
    QList<ChartPanel *> m_panels;
};
