#include "StatsDashboard.h"

#include "ChartPanel.h"
#include "ChartWidget.h"
#include "HeadlineTiles.h"
#include "app/dashboard/DashboardModel.h"
#include "ui/common/StatusColours.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPdfWriter>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTime>
#include <QVBoxLayout>

StatsDashboard::StatsDashboard(DepartmentStatistics &statistics, bool lead,
                               const QString &departmentName, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_statistics(&statistics)
    , m_model(new DashboardModel(this))
    , m_range(new QComboBox(this))
    , m_from(new QDateEdit(QDate::currentDate().addDays(-6), this))
    , m_to(new QDateEdit(QDate::currentDate(), this))
    , m_status(new QLabel(this))
    , m_rangeText(new QLabel(this))
    , m_note(new QLabel(this))
    , m_targets(new QPushButton(tr("&Targets…"), this))
    , m_tiles(new HeadlineTiles(m_model->headline(), this))
    , m_scroll(new QScrollArea(this))
    , m_content(new QWidget)
{
    setWindowTitle(departmentName.isEmpty() ? tr("Statistics")
                                            : tr("Statistics — %1").arg(departmentName));
    resize(1280, 760);

    m_range->addItem(tr("Today"), int(DepartmentStatistics::Range::Today));
    m_range->addItem(tr("Last 7 days"), int(DepartmentStatistics::Range::Week));
    m_range->addItem(tr("Last 30 days"), int(DepartmentStatistics::Range::Month));
    m_range->addItem(tr("Chosen dates"), int(DepartmentStatistics::Range::Custom));
    m_range->setAccessibleName(tr("Range"));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setMaximumDate(QDate::currentDate().addDays(1));
        edit->setVisible(false);
    }
    m_from->setAccessibleName(tr("From"));
    m_to->setAccessibleName(tr("To"));
    auto *apply = new QPushButton(tr("Show"), this);
    apply->setVisible(false);
    connect(m_range, &QComboBox::currentIndexChanged, this, [this, apply] {
        const bool custom =
            m_range->currentData().toInt() == int(DepartmentStatistics::Range::Custom);
        m_from->setVisible(custom);
        m_to->setVisible(custom);
        apply->setVisible(custom);
        if (!custom)
            rangeChosen();
    });
    connect(apply, &QPushButton::clicked, this, &StatsDashboard::rangeChosen);
    auto *pdf = new QPushButton(tr("Export &PDF…"), this);
    connect(pdf, &QPushButton::clicked, this, &StatsDashboard::exportPdf);
    m_targets->setVisible(lead);
    m_targets->setToolTip(tr("The department's limits for waiting and first responses"));
    connect(m_targets, &QPushButton::clicked, this, &StatsDashboard::editTargets);

    auto *bar = new QHBoxLayout;
    auto *rangeLabel = new QLabel(tr("&Range:"), this);
    rangeLabel->setBuddy(m_range);
    bar->addWidget(rangeLabel);
    bar->addWidget(m_range);
    bar->addWidget(m_from);
    bar->addWidget(m_to);
    bar->addWidget(apply);
    bar->addSpacing(12);
    bar->addWidget(m_rangeText);
    bar->addStretch(1);
    bar->addWidget(m_status);
    bar->addWidget(m_targets);
    bar->addWidget(pdf);

    // The figures: headline tiles, charts two abreast, the heat map and tables full width.
    auto *grid = new QGridLayout(m_content);
    grid->setContentsMargins(8, 8, 8, 8);
    grid->setSpacing(8);
    const auto panel = [this](StatsTableModel *model, ChartWidget *chart, const QString &rows,
                              int minimumHeight) {
        auto *p = new ChartPanel(model, chart, rows, m_content);
        p->setMinimumHeight(minimumHeight);
        connect(p, &ChartPanel::exportRequested, this, &StatsDashboard::exportPanel);
        m_panels.append(p);
        return p;
    };
    grid->addWidget(m_tiles, 0, 0, 1, 2);
    grid->addWidget(panel(m_model->perDay(), new LineChart, tr("Day"), 250), 1, 0);
    grid->addWidget(panel(m_model->messagesPerDay(), new BarChart(true), tr("Day"), 250), 1, 1);
    grid->addWidget(panel(m_model->firstResponses(), new BarChart, tr("First response"), 250), 2,
                    0);
    grid->addWidget(panel(m_model->ratings(), new BarChart, tr("Rating"), 250), 2, 1);
    grid->addWidget(panel(m_model->heatMap(), new HeatMap, tr("Weekday"), 250), 3, 0);
    grid->addWidget(panel(m_model->openByResponder(), new BarChart, tr("Responder"), 250), 3, 1);
    grid->addWidget(panel(m_model->responders(), nullptr, tr("Responder"), 260), 4, 0, 1, 2);
    grid->addWidget(panel(m_model->groups(), nullptr, tr("Delegation or sector"), 220), 5, 0, 1, 2);
    grid->addWidget(panel(m_model->transfers(), nullptr, tr("Direction"), 180), 6, 0, 1, 2);
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    grid->addWidget(m_note, 7, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    m_scroll->setWidget(m_content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setAccessibleName(tr("Figures"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 0);
    layout->addLayout(bar);
    layout->addWidget(m_scroll, 1);

    connect(m_model, &DashboardModel::changed, this, &StatsDashboard::onReport);
    connect(&statistics, &DepartmentStatistics::reportReady, m_model, &DashboardModel::setReport);
    connect(&statistics, &DepartmentStatistics::failed, this, &StatsDashboard::onFailed);
    m_status->setText(tr("Loading…"));
}

StatsDashboard::~StatsDashboard()
{
    if (m_statistics)
        m_statistics->stop();
}

void StatsDashboard::setDirectory(const Directory &directory, bool english)
{
    m_model->setDirectory(directory, english);
}

void StatsDashboard::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void StatsDashboard::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    if (m_statistics)
        m_statistics->stop(); // a closed dashboard costs the server nothing
}

void StatsDashboard::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_tiles->setColumns(std::clamp(width() / 230, 3, 7));
}

void StatsDashboard::refresh()
{
    if (!m_statistics)
        return;
    const auto range = DepartmentStatistics::Range(m_range->currentData().toInt());
    m_statistics->watch(range, m_from->date(), m_to->date());
}

void StatsDashboard::rangeChosen()
{
    if (m_from->date() > m_to->date())
        m_to->setDate(m_from->date());
    if (m_from->date().daysTo(m_to->date()) > 365) // the server's limit: a year at a time
        m_from->setDate(m_to->date().addDays(-365));
    m_status->setText(tr("Loading…"));
    refresh();
}

void StatsDashboard::onReport()
{
    m_rangeText->setText(m_model->rangeText());
    m_note->setText(m_model->methodNote());
    m_status->setText(
        tr("Updated %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
    m_status->setPalette(QPalette());
}

void StatsDashboard::onFailed(const QString &reason)
{
    m_status->setText(m_model->hasReport() ? tr("Not updated: %1").arg(reason) : reason);
    StatusColours::colourText(m_status, StatusColours::Meaning::Warning);
}

void StatsDashboard::withExactFigures(std::function<void()> then)
{
    if (!m_statistics)
        return;
    m_status->setText(tr("Counting every figure exactly…"));
    // No refresh may replace the exact figures while the file is chosen and written.
    m_statistics->stop();
    m_statistics->fetchExact(
        [self = QPointer<StatsDashboard>(this), then = std::move(then)](const StatsReport &report) {
            if (!self)
                return;
            self->m_model->setReport(report);
            then();
            if (self && self->isVisible())
                self->refresh();
        },
        [self = QPointer<StatsDashboard>(this)](const QString &reason) {
            if (!self)
                return;
            self->onFailed(reason);
            if (self->isVisible())
                self->refresh();
        });
}

void StatsDashboard::exportPanel(ChartPanel *panel)
{
    withExactFigures([this, panel] { savePanel(panel); });
}

void StatsDashboard::savePanel(ChartPanel *panel)
{
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                              QLatin1Char('/') + panel->model()->title() + QLatin1Char(' ') +
                              m_model->report().from.toString(Qt::ISODate) + QStringLiteral(".csv");
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save as CSV"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    // A byte order mark, so that spreadsheet programs read the Chinese as UTF-8.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write("\xEF\xBB\xBF" + panel->csv().toUtf8()) < 0 || !file.flush())
        QMessageBox::warning(this, tr("Save as CSV"),
                             tr("Could not write %1: %2").arg(path, file.errorString()));
}

namespace {

// One table of the dashboard in full, from its model, a line per row, continued on the next
// page with its header again: on screen a table scrolls, on paper every row must be there.
double printTable(QPainter &painter, QPdfWriter &writer, const QRect &page, double y,
                  const ChartPanel &panel)
{
    const StatsTableModel &m = *panel.model();
    const QFontMetrics fm(painter.font());
    const int line = fm.height() + 6;
    const int columns = m.columnCount();
    const double first = page.width() * 0.24;
    const double width = (page.width() - first) / std::max(1, columns);
    const auto cell = [&](double x, double w, const QString &text, Qt::Alignment align) {
        painter.drawText(QRectF(x + 3, y, w - 6, line), align | Qt::AlignVCenter,
                         fm.elidedText(text, Qt::ElideRight, int(w - 6)));
    };
    const auto header = [&] {
        QFont bold = painter.font();
        bold.setBold(true);
        painter.save();
        painter.setFont(bold);
        cell(0, first, panel.rowHeader(), Qt::AlignLeft);
        for (int c = 0; c < columns; ++c)
            cell(first + c * width, width, m.headerData(c, Qt::Horizontal).toString(),
                 Qt::AlignRight);
        painter.restore();
        y += line;
        painter.drawLine(QPointF(0, y - 2), QPointF(page.width(), y - 2));
    };
    if (y + 4 * line > page.height()) {
        writer.newPage();
        y = 0;
    }
    QFont title = painter.font();
    title.setBold(true);
    painter.save();
    painter.setFont(title);
    painter.drawText(QRectF(0, y, page.width(), line), Qt::AlignLeft | Qt::AlignVCenter, m.title());
    painter.restore();
    y += line;
    header();
    for (int r = 0; r < m.rowCount(); ++r) {
        if (y + line > page.height()) {
            writer.newPage();
            y = 0;
            header();
        }
        cell(0, first, m.headerData(r, Qt::Vertical).toString(), Qt::AlignLeft);
        for (int c = 0; c < columns; ++c)
            cell(first + c * width, width, m.index(r, c).data().toString(),
                 m.unit(c) == StatsTableModel::Unit::Text ? Qt::AlignLeft : Qt::AlignRight);
        y += line;
    }
    return y + line;
}

} // namespace

bool StatsDashboard::writePdf(const QString &path, QString *error)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setResolution(96);
    writer.setTitle(windowTitle());
    writer.setCreator(QStringLiteral("Responder Console"));
    QPainter painter;
    if (!painter.begin(&writer)) {
        if (error)
            *error = tr("cannot write %1").arg(path);
        return false;
    }
    const QRect page = writer.pageLayout().paintRectPixels(writer.resolution());
    const double scale = std::min(1.0, double(page.width()) / m_content->width());
    QFont heading = font();
    heading.setBold(true);
    heading.setPointSizeF(heading.pointSizeF() * 1.3);
    painter.setFont(heading);
    const int titleHeight = QFontMetrics(heading).height() * 2;
    painter.drawText(QRect(0, 0, page.width(), titleHeight), Qt::AlignLeft | Qt::AlignVCenter,
                     windowTitle() + QStringLiteral(" · ") + m_model->rangeText());
    painter.setFont(font());
    // The tiles and the charts as they are on screen, scaled to the page's width, two abreast
    // as on screen, never cut between pages.
    QList<QWidget *> pictures{m_tiles};
    for (ChartPanel *p : m_panels) {
        if (p->chart())
            pictures.append(p);
    }
    double y = titleHeight;
    double rowBottom = y;
    double x = 0;
    for (QWidget *section : pictures) {
        const QSizeF size = QSizeF(section->size()) * scale;
        if (x > 0 && x + size.width() > page.width() + 1) { // next row
            x = 0;
            y = rowBottom + 8;
        }
        if (y + size.height() > page.height() && y > 0) {
            writer.newPage();
            y = 0;
            x = 0;
            rowBottom = 0;
        }
        painter.save();
        painter.translate(x, y);
        painter.scale(scale, scale);
        section->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
        painter.restore();
        rowBottom = std::max(rowBottom, y + size.height());
        x += size.width() + 8 * scale;
    }
    y = rowBottom + 16;
    for (ChartPanel *p : m_panels) {
        if (!p->chart())
            y = printTable(painter, writer, page, y, *p);
    }
    // How the figures were counted, under them as on screen.
    const QRectF note(0, y, page.width(), page.height() - y);
    const QRectF needed = painter.boundingRect(note, Qt::TextWordWrap, m_note->text());
    if (needed.height() > note.height()) {
        writer.newPage();
        y = 0;
    }
    painter.drawText(QRectF(0, y, page.width(), page.height() - y), Qt::TextWordWrap,
                     m_note->text());
    return painter.end();
}

void StatsDashboard::exportPdf()
{
    withExactFigures([this] { savePdf(); });
}

void StatsDashboard::savePdf()
{
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                              QLatin1Char('/') + tr("Statistics") + QLatin1Char(' ') +
                              m_model->report().from.toString(Qt::ISODate) + QStringLiteral(".pdf");
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export PDF"), suggested, tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!writePdf(path, &error))
        QMessageBox::warning(this, tr("Export PDF"), error);
}

void StatsDashboard::editTargets()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Department targets"));
    auto *within = new QSpinBox(&dialog);
    within->setRange(1, 240);
    within->setSuffix(tr(" min"));
    within->setValue(m_model->report().answerWithinMinutes);
    auto *limit = new QSpinBox(&dialog);
    limit->setRange(1, 1440);
    limit->setSuffix(tr(" min"));
    limit->setValue(m_model->report().waitingLimitMinutes);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("&First response within:"), within);
    form->addRow(tr("&Waiting is overdue after:"), limit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!m_statistics)
        return;
    m_statistics->setTargets(within->value(), limit->value(),
                             [self = QPointer<StatsDashboard>(this)](const QString &error) {
                                 if (self && !error.isEmpty())
                                     self->onFailed(error);
                             });
}
