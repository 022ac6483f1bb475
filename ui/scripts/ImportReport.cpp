#include "ImportReport.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

ImportReport::ImportReport(const QString &fileName, int imported,
                           const QList<ScriptTransfer::Rejection> &rejected, QWidget *parent)
    : QDialog(parent)
    , m_rows(new QStandardItemModel(0, 2, this))
{
    setWindowTitle(tr("Import of %1").arg(QFileInfo(fileName).fileName()));
    m_summary = tr("Imported %1 scripts.").arg(QLocale().toString(imported));
    if (!rejected.isEmpty())
        m_summary += QLatin1Char(' ') +
                     tr("%1 rows were rejected:").arg(QLocale().toString(rejected.size()));
    m_rows->setHorizontalHeaderLabels({tr("Row"), tr("Reason")});
    for (const ScriptTransfer::Rejection &rejection : rejected) {
        auto *row = new QStandardItem(QLocale().toString(rejection.row));
        row->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_rows->appendRow({row, new QStandardItem(rejection.reason)});
    }

    auto *summary = new QLabel(m_summary, this);
    summary->setWordWrap(true);
    summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *table = new QTableView(this);
    table->setModel(m_rows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAccessibleName(tr("Rejected rows"));
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    table->setWordWrap(true);
    table->setVisible(!rejected.isEmpty());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    QPushButton *copy = buttons->addButton(tr("&Copy report"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(text()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(table, 1);
    layout->addWidget(buttons);
    resize(rejected.isEmpty() ? QSize(420, 120) : QSize(620, 420));
}

QString ImportReport::text() const
{
    QStringList lines{m_summary};
    for (int i = 0; i < m_rows->rowCount(); ++i)
        lines << tr("Row %1: %2").arg(m_rows->item(i, 0)->text(), m_rows->item(i, 1)->text());
    return lines.join(u'\n');
}
