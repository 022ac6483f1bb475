#include "ChartWidget.h"

#include "app/dashboard/StatsTableModel.h"

#include <QEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace {

constexpr int Margin = 8;

// 1, 2 or 5 times a power of ten, so that about four steps reach `maximum`.
double niceStep(double maximum)
{
    if (maximum <= 0)
        return 1;
    const double raw = maximum / 4.0;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * power >= raw)
            return std::max(1.0, m * power); // counts: whole steps
    }
    return std::max(1.0, 10 * power);
}

} // namespace

ChartWidget::ChartWidget(QWidget *parent)
    : QWidget(parent)
{
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);
}

void ChartWidget::setModel(StatsTableModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &ChartWidget::invalidate);
        connect(model, &QAbstractItemModel::dataChanged, this, &ChartWidget::invalidate);
    }
    invalidate();
}

QColor ChartWidget::seriesColour(int series)
{
    // Okabe and Ito's palette: told apart with every common colour blindness.
    static const QColor colours[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00),
                                     QColor(0x00, 0x9E, 0x73), QColor(0xCC, 0x79, 0xA7),
                                     QColor(0x56, 0xB4, 0xE9), QColor(0xD5, 0x5E, 0x00)};
    return colours[series % 6];
}

QSize ChartWidget::minimumSizeHint() const
{
    return {260, 180};
}

QSize ChartWidget::sizeHint() const
{
    return {420, 240};
}

bool ChartWidget::hasLegend() const
{
    return m_model && m_model->columnCount() > 1;
}

void ChartWidget::text(QPainter &painter, const QRect &rect, int flags, const QString &s)
{
    painter.drawText(rect, flags, s);
    m_textRects.append(painter.boundingRect(rect, flags, s));
}

void ChartWidget::invalidate()
{
    m_dirty = true;
    update();
}

void ChartWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_dirty = true;
}

void ChartWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange ||
        event->type() == QEvent::LanguageChange)
        m_dirty = true;
}

void ChartWidget::paintEvent(QPaintEvent *)
{
    const qreal ratio = devicePixelRatioF();
    if (m_dirty || m_cache.size() != size() * ratio) {
        m_cache = QPixmap(size() * ratio);
        m_cache.setDevicePixelRatio(ratio);
        m_cache.fill(palette().color(QPalette::Base));
        QPainter painter(&m_cache);
        painter.setFont(font());
        draw(painter);
        m_dirty = false;
    }
    QPainter(this).drawPixmap(0, 0, m_cache);
}

void ChartWidget::draw(QPainter &painter)
{
    m_marks.clear();
    m_textRects.clear();
    painter.setRenderHint(QPainter::Antialiasing);
    QRect area = rect().adjusted(Margin, Margin, -Margin, -Margin);
    if (!m_model || m_model->rowCount() == 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        text(painter, area, Qt::AlignCenter, tr("No data for this range"));
        return;
    }
    if (hasLegend())
        area.setTop(area.top() + legend(painter, area));
    paintChart(painter, area);
}

int ChartWidget::legend(QPainter &painter, const QRect &area)
{
    const QFontMetrics fm(font());
    const int h = fm.height();
    int x = area.left();
    int y = area.top();
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const QString label = m_model->headerData(c, Qt::Horizontal).toString();
        const int w = h + 4 + fm.horizontalAdvance(label) + 12;
        if (x + w > area.right() && x > area.left()) { // wrap
            x = area.left();
            y += h + 2;
        }
        painter.fillRect(QRect(x, y + 2, h - 4, h - 4), seriesColour(c));
        painter.setPen(palette().color(QPalette::Text));
        text(painter, QRect(x + h, y, w - h, h), Qt::AlignLeft | Qt::AlignVCenter, label);
        x += w;
    }
    return y - area.top() + h + 6;
}

QRect ChartWidget::valueAxis(QPainter &painter, const QRect &area, double maximum, double &top)
{
    const QFontMetrics fm(font());
    const double step = niceStep(maximum);
    top = std::max(step, std::ceil(maximum / step) * step);
    const int steps = int(std::lround(top / step));
    const QLocale locale;
    int labelWidth = 0;
    for (int i = 0; i <= steps; ++i)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(locale.toString(qint64(i * step))));
    QRect plot = area.adjusted(labelWidth + 6, fm.height() / 2, 0, -(fm.height() + 6));
    const QColor grid = palette().color(QPalette::Mid);
    for (int i = 0; i <= steps; ++i) {
        const int y = plot.bottom() - int(std::lround(plot.height() * (i * step) / top));
        painter.setPen(QPen(grid, 0, i == 0 ? Qt::SolidLine : Qt::DotLine));
        painter.drawLine(plot.left(), y, plot.right(), y);
        painter.setPen(palette().color(QPalette::Text));
        text(painter, QRect(area.left(), y - fm.height() / 2, labelWidth, fm.height()),
             Qt::AlignRight | Qt::AlignVCenter, locale.toString(qint64(i * step)));
    }
    return plot;
}

void ChartWidget::categoryAxis(QPainter &painter, const QRect &plot, int rowCount)
{
    const QFontMetrics fm(font());
    const double slot = double(plot.width()) / rowCount;
    int widest = 0;
    for (int r = 0; r < rowCount; ++r)
        widest = std::max(widest, fm.horizontalAdvance(m_model->rowLabel(r)));
    const int every = std::max(1, int(std::ceil((widest + 8) / slot)));
    painter.setPen(palette().color(QPalette::Text));
    for (int r = 0; r < rowCount; r += every) {
        const int centre = plot.left() + int((r + 0.5) * slot);
        QRect box(centre - widest / 2 - 2, plot.bottom() + 4, widest + 4, fm.height());
        box.moveLeft(std::clamp(box.left(), rect().left() + 1, rect().right() - box.width()));
        text(painter, box, Qt::AlignCenter, m_model->rowLabel(r));
    }
}

BarChart::BarChart(bool stacked, QWidget *parent)
    : ChartWidget(parent)
    , m_stacked(stacked)
{}

void BarChart::paintChart(QPainter &painter, const QRect &area)
{
    bars(painter, area, m_stacked);
}

void ChartWidget::bars(QPainter &painter, const QRect &area, bool stacked)
{
    StatsTableModel &m = *model();
    double top = 0;
    const QRect plot = valueAxis(painter, area, m.maximum(stacked), top);
    const int rows = m.rowCount();
    const int series = m.columnCount();
    const double slot = double(plot.width()) / rows;
    // A few wide categories (one day) get bars of a readable width, not a wall.
    const double groupWidth = std::clamp(slot * 0.72, 1.0, 28.0 * (stacked ? 1 : series));
    const double barWidth = stacked ? groupWidth : groupWidth / series;
    painter.setPen(Qt::NoPen);
    for (int r = 0; r < rows; ++r) {
        const double left = plot.left() + r * slot + (slot - groupWidth) / 2;
        double base = plot.bottom();
        for (int c = 0; c < series; ++c) {
            const double h = plot.height() * m.value(r, c) / top;
            const double x = stacked ? left : left + c * barWidth;
            const QRectF bar(x, (stacked ? base : plot.bottom()) - h, barWidth, h);
            if (stacked)
                base -= h;
            painter.setBrush(seriesColour(c));
            painter.drawRect(bar);
            mark(r, c, bar);
        }
    }
    categoryAxis(painter, plot, rows);
}

void LineChart::paintChart(QPainter &painter, const QRect &area)
{
    StatsTableModel &m = *model();
    if (m.rowCount() < 2) // a line needs two days; one day reads best as bars side by side
        return bars(painter, area, false);
    double top = 0;
    const QRect plot = valueAxis(painter, area, m.maximum(false), top);
    const int rows = m.rowCount();
    const double slot = double(plot.width()) / rows;
    for (int c = 0; c < m.columnCount(); ++c) {
        QPainterPath path;
        for (int r = 0; r < rows; ++r) {
            const QPointF p(plot.left() + (r + 0.5) * slot,
                            plot.bottom() - plot.height() * m.value(r, c) / top);
            r == 0 ? path.moveTo(p) : path.lineTo(p);
            mark(r, c, QRectF(p - QPointF(2.5, 2.5), QSizeF(5, 5)));
        }
        painter.setPen(QPen(seriesColour(c), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
        if (rows <= 40) { // points where they can still be told apart
            painter.setBrush(seriesColour(c));
            for (const Mark &mk : marks())
                if (mk.column == c)
                    painter.drawEllipse(mk.rect);
        }
    }
    categoryAxis(painter, plot, rows);
}

void HeatMap::paintChart(QPainter &painter, const QRect &area)
{
    StatsTableModel &m = *model();
    const QFontMetrics fm(font());
    int labelWidth = 0;
    for (int r = 0; r < m.rowCount(); ++r)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(m.rowLabel(r)));
    const QRect grid = area.adjusted(labelWidth + 6, 0, 0, -(fm.height() + 4));
    const double cw = double(grid.width()) / m.columnCount();
    const double ch = double(grid.height()) / m.rowCount();
    const double most = std::max(1.0, m.maximum(false));
    const QColor full = seriesColour(0);
    const QColor base = palette().color(QPalette::Base);
    for (int r = 0; r < m.rowCount(); ++r) {
        painter.setPen(palette().color(QPalette::Text));
        text(painter, QRect(area.left(), int(grid.top() + r * ch), labelWidth, int(ch)),
             Qt::AlignRight | Qt::AlignVCenter, m.rowLabel(r));
        for (int c = 0; c < m.columnCount(); ++c) {
            const double v = m.value(r, c);
            const double t = v / most;
            const QColor fill =
                QColor::fromRgbF(float(base.redF() + (full.redF() - base.redF()) * t),
                                 float(base.greenF() + (full.greenF() - base.greenF()) * t),
                                 float(base.blueF() + (full.blueF() - base.blueF()) * t));
            const QRectF cell(grid.left() + c * cw + 1, grid.top() + r * ch + 1, cw - 2, ch - 2);
            painter.fillRect(cell, fill);
            mark(r, c, cell);
            const QString label = QLocale().toString(qint64(v));
            if (v > 0 && fm.horizontalAdvance(label) + 2 < cw && fm.height() < ch) {
                painter.setPen(t > 0.55 ? QColor(Qt::white) : palette().color(QPalette::Text));
                text(painter, cell.toRect(), Qt::AlignCenter, label);
            }
        }
    }
    painter.setPen(palette().color(QPalette::Text));
    const int every = fm.horizontalAdvance(QStringLiteral("00")) + 4 > cw ? 3 : 1;
    for (int c = 0; c < m.columnCount(); c += every)
        text(painter,
             QRect(int(grid.left() + c * cw), grid.bottom() + 4, int(cw * every), fm.height()),
             Qt::AlignLeft | Qt::AlignVCenter, m.headerData(c, Qt::Horizontal).toString());
}
