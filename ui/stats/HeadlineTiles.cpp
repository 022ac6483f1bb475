#include "HeadlineTiles.h"

#include "app/dashboard/StatsTableModel.h"
#include "ui/common/StatusColours.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

HeadlineTiles::HeadlineTiles(StatsTableModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_grid(new QGridLayout(this))
{
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(6);
    connect(model, &QAbstractItemModel::modelReset, this, &HeadlineTiles::rebuild);
    rebuild();
}

void HeadlineTiles::setColumns(int columns)
{
    if (columns == m_columns || columns < 1)
        return;
    m_columns = columns;
    rebuild();
}

void HeadlineTiles::rebuild()
{
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (int r = 0; r < m_model->rowCount(); ++r) {
        auto *tile = new QFrame(this);
        tile->setFrameShape(QFrame::StyledPanel);
        tile->setBackgroundRole(QPalette::Base);
        tile->setAutoFillBackground(true);
        auto *layout = new QVBoxLayout(tile);
        layout->setContentsMargins(8, 6, 8, 6);
        layout->setSpacing(1);
        const QString label = m_model->headerData(r, Qt::Vertical).toString();
        const QString value = m_model->index(r, 0).data().toString();
        const QString detail = m_model->index(r, 1).data().toString();
        auto *name = new QLabel(label, tile);
        name->setForegroundRole(QPalette::PlaceholderText);
        auto *big = new QLabel(value, tile);
        QFont font = big->font();
        font.setPointSizeF(font.pointSizeF() * 1.6);
        font.setBold(true);
        big->setFont(font);
        if (m_model->index(r, 0).data(StatsTableModel::AlertRole).toBool())
            StatusColours::colourText(big, StatusColours::Meaning::Warning);
        auto *small = new QLabel(detail, tile);
        small->setWordWrap(true);
        small->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(name);
        layout->addWidget(big);
        layout->addWidget(small);
        layout->addStretch();
        tile->setAccessibleName(QStringLiteral("%1: %2. %3").arg(label, value, detail));
        m_grid->addWidget(tile, r / m_columns, r % m_columns);
    }
    for (int c = 0; c < m_columns; ++c)
        m_grid->setColumnStretch(c, 1);
}
