#pragma once

#include <QPixmap>
#include <QPointer>
#include <QWidget>

#include "app/dashboard/StatsTableModel.h"

// A chart drawn with QPainter from a StatsTableModel: rows along the x axis, columns as series.
// The base class draws what every chart shares (legend, value axis with round steps, category
// labels that thin out rather than overlap) and records where it drew each text and each mark,
// so that tests can check proportions and that nothing is clipped.
class ChartWidget : public QWidget
{
    Q_OBJECT
public:
    explicit ChartWidget(QWidget *parent = nullptr);

    void setModel(StatsTableModel *model);
    StatsTableModel *model() const { return m_model; }

    struct Mark
    {
        int row = 0;
        int column = 0;
        QRectF rect;
    };
    const QList<Mark> &marks() const { return m_marks; }
    const QList<QRect> &textRects() const { return m_textRects; }

    static QColor seriesColour(int series);
    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    // The chart is drawn once into a pixmap and blitted after that: figures change every few
    // seconds at most, while a window repaints far more often (scrolling, an overlapping window).
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    // Draws into `area` (the widget less its margins and legend).
    virtual void paintChart(QPainter &painter, const QRect &area) = 0;
    virtual bool hasLegend() const;

    // The value axis for 0..maximum on the left of `area`, with gridlines; returns the plot's
    // rectangle and sets `top` to the axis' rounded top value.
    QRect valueAxis(QPainter &painter, const QRect &area, double maximum, double &top);
    // Category labels under the plot, one per row, thinned to every k-th when they would touch.
    void categoryAxis(QPainter &painter, const QRect &plot, int rowCount);
    void text(QPainter &painter, const QRect &rect, int flags, const QString &text);
    void mark(int row, int column, const QRectF &rect) { m_marks.append({row, column, rect}); }
    // Bars for every row: the columns side by side, or stacked.
    void bars(QPainter &painter, const QRect &area, bool stacked);

private:
    int legend(QPainter &painter, const QRect &area); // returns the height used
    void invalidate();
    void draw(QPainter &painter);

    QPointer<StatsTableModel> m_model;
    QList<Mark> m_marks;
    QList<QRect> m_textRects;
    QPixmap m_cache;
    bool m_dirty = true;
};

// Bars, one group per row; the columns side by side, or stacked.
class BarChart : public ChartWidget
{
    Q_OBJECT
public:
    explicit BarChart(bool stacked = false, QWidget *parent = nullptr);

protected:
    void paintChart(QPainter &painter, const QRect &area) override;

private:
    bool m_stacked;
};

// One line per column over the rows (days).
class LineChart : public ChartWidget
{
    Q_OBJECT
public:
    using ChartWidget::ChartWidget;

protected:
    void paintChart(QPainter &painter, const QRect &area) override;
};

// Rows by columns as shaded cells (weekday by hour), the count written where it fits.
class HeatMap : public ChartWidget
{
    Q_OBJECT
public:
    using ChartWidget::ChartWidget;

protected:
    void paintChart(QPainter &painter, const QRect &area) override;
    bool hasLegend() const override { return false; }
};
