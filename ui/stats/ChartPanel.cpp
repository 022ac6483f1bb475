#include "ChartPanel.h"

#include "ChartWidget.h"
#include "app/dashboard/StatsTableModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

ChartPanel::ChartPanel(StatsTableModel *model, ChartWidget *chart, const QString &rowHeader,
                       QWidget *parent)
    : QFrame(parent)
    , m_model(model)
    , m_chart(chart)
    , m_table(new QTableView(this))
    , m_stack(new QStackedWidget(this))
    , m_toggle(chart ? new QToolButton(this) : nullptr)
    , m_rowHeader(rowHeader)
{
    setFrameShape(QFrame::StyledPanel);
    auto *title = new QLabel(model->title(), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    auto *csv = new QToolButton(this);
    csv->setText(tr("CSV…"));
    csv->setToolTip(tr("Save these numbers as a CSV file"));
    csv->setAccessibleName(tr("Save %1 as CSV").arg(model->title()));
    connect(csv, &QToolButton::clicked, this, [this] { Q_EMIT exportRequested(this); });

    m_table->setModel(model);
    m_table->setAccessibleName(model->title());
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Columns share the width: one huge last column hid how few numbers a table has.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(60);
    m_table->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    if (chart) {
        chart->setParent(this);
        chart->setModel(model);
        chart->setAccessibleName(model->title());
        m_stack->addWidget(chart);
        m_toggle->setText(tr("Table"));
        m_toggle->setCheckable(true);
        m_toggle->setToolTip(tr("Show the numbers behind the chart"));
        connect(m_toggle, &QToolButton::toggled, this, &ChartPanel::showTable);
    }
    m_stack->addWidget(m_table);

    auto *header = new QHBoxLayout;
    header->addWidget(title, 1);
    if (m_toggle)
        header->addWidget(m_toggle);
    header->addWidget(csv);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 8);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);
}

bool ChartPanel::showsTable() const
{
    return m_stack->currentWidget() == m_table;
}

void ChartPanel::showTable(bool table)
{
    if (!m_chart)
        return;
    m_stack->setCurrentWidget(table ? static_cast<QWidget *>(m_table) : m_chart);
    m_toggle->setText(table ? tr("Chart") : tr("Table"));
    m_toggle->setChecked(table);
}

QString ChartPanel::csv() const
{
    return m_model->toCsv(m_rowHeader);
}
