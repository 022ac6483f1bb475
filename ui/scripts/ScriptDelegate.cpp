#include "ScriptDelegate.h"

#include "app/scripts/ScriptListModel.h"
#include "ui/common/ItemPanel.h"
#include "ui/common/StatusColours.h"

#include <QPainter>

namespace {
constexpr int padding = 6;

QString firstLine(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.left(trimmed.indexOf(u'\n')).trimmed();
}
} // namespace

ScriptDelegate::ScriptDelegate(Detail detail, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_detail(detail)
{}

QString ScriptDelegate::outdatedText()
{
    return tr("Outdated");
}

QString ScriptDelegate::detailText(const QModelIndex &index, Detail detail)
{
    QStringList parts;
    if (detail == Detail::Content) {
        const QString category = index.data(ScriptListModel::CategoryRole).toString();
        if (!category.isEmpty())
            parts << category;
        parts << firstLine(index.data(ScriptListModel::BodyRole).toString());
        return parts.join(QStringLiteral(" · "));
    }
    parts << (index.data(ScriptListModel::DepartmentRole).toBool() ? tr("Department")
                                                                   : tr("Personal"));
    if (const int uses = index.data(ScriptListModel::UsesRole).toInt(); uses > 0)
        // Worded here rather than with %n: the English text has no .ts of its own to give
        // "time(s)" its plural forms.
        parts << (uses == 1 ? tr("Used once") : tr("Used %1 times").arg(uses));
    if (index.data(ScriptListModel::PendingRole).toBool())
        parts << tr("Not yet synced");
    return parts.join(QStringLiteral(" · "));
}

QSize ScriptDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int line = option.fontMetrics.height();
    return {240, 2 * line + 3 * padding};
}

void ScriptDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const ItemPanel panel = ItemPanel::draw(painter, opt);

    painter->save();
    const QRect area = opt.rect.adjusted(padding, padding, -padding, -padding);
    const QFontMetrics fm = opt.fontMetrics;
    const int line = fm.height();
    QRect top(area.left(), area.top(), area.width(), line);
    const QRect bottom(area.left(), area.top() + line + padding / 2, area.width(), line);
    QFont bold = opt.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);

    if (index.data(ScriptListModel::OutdatedRole).toBool()) {
        const QString mark = outdatedText();
        painter->setFont(bold);
        painter->setPen(panel.selected
                            ? panel.text
                            : StatusColours::of(StatusColours::Meaning::Warning, option.palette));
        painter->drawText(top, Qt::AlignRight | Qt::AlignVCenter, mark);
        top.setRight(top.right() - boldMetrics.horizontalAdvance(mark) - padding);
    }
    painter->setFont(bold);
    painter->setPen(panel.text);
    const QString title = index.data(ScriptListModel::TitleRole).toString();
    painter->drawText(top, Qt::AlignLeft | Qt::AlignVCenter,
                      boldMetrics.elidedText(title, Qt::ElideRight, top.width()));

    painter->setFont(opt.font);
    painter->setPen(panel.muted);
    painter->drawText(bottom, Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(detailText(index, m_detail), Qt::ElideRight, bottom.width()));
    painter->restore();
}
