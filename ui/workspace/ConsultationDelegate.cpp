#include "ConsultationDelegate.h"

#include "WaitTime.h"
#include "app/workspace/ConsultationListModel.h"
#include "ui/common/ItemPanel.h"
#include "ui/common/StatusColours.h"

#include <QDateTime>
#include <QPainter>

namespace {
constexpr int padding = 8;
} // namespace

ConsultationDelegate::ConsultationDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QString ConsultationDelegate::stateText(ConsultationState state)
{
    switch (state) {
    case ConsultationState::Waiting:
        return tr("Waiting");
    case ConsultationState::Claimed:
        return tr("Being answered");
    case ConsultationState::Closed:
        break;
    }
    return tr("Closed");
}

QString ConsultationDelegate::titleOf(RepresentativeKind kind)
{
    return kind == RepresentativeKind::Npc ? tr("NPC deputy") : tr("CPPCC member");
}

QSize ConsultationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int line = option.fontMetrics.height();
    return {300, 3 * line + 3 * padding};
}

void ConsultationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const ItemPanel panel = ItemPanel::draw(painter, opt);
    const bool selected = panel.selected;
    const QColor &text = panel.text;
    const QColor &muted = panel.muted;

    const auto state = index.data(ConsultationListModel::StateRole).value<ConsultationState>();
    const qint64 created = index.data(ConsultationListModel::CreatedAtRole).toLongLong();
    const bool closed = state == ConsultationState::Closed;
    const qint64 waited = m_now - created;
    const bool overdue = !m_history && state == ConsultationState::Waiting && waited > m_overdueMs;

    painter->save();
    const QRect area = opt.rect.adjusted(padding + 4, padding, -padding, -padding);
    if (overdue)
        painter->fillRect(QRect(opt.rect.left(), opt.rect.top() + 2, 4, opt.rect.height() - 4),
                          StatusColours::of(StatusColours::Meaning::Warning, opt.palette));

    const QFontMetrics fm = opt.fontMetrics;
    const int line = fm.height();
    // The subject, then who asked, then the latest message: three lines.
    QRect top(area.left(), area.top(), area.width(), line);
    const QRect middle(area.left(), area.top() + line + padding / 2, area.width(), line);
    QRect bottom(area.left(), area.top() + 2 * line + padding, area.width(), line);

    // Right side of the first line: waited (or closed at), then the unread badge.
    QFont bold = opt.font;
    bold.setBold(true);
    // Dates carry their year: a closed list spans years.
    const QString when =
        m_history ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(created),
                                       QStringLiteral("yyyy-MM-dd")) +
                        QStringLiteral(" · ") + stateText(state)
        : closed
            ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(
                                     index.data(ConsultationListModel::ClosedAtRole).toLongLong()),
                                 QStringLiteral("yyyy-MM-dd HH:mm"))
            : WaitTime::format(waited);
    painter->setFont(overdue ? bold : opt.font);
    painter->setPen(overdue && !selected
                        ? StatusColours::of(StatusColours::Meaning::Warning, opt.palette)
                        : muted);
    const int whenWidth = QFontMetrics(painter->font()).horizontalAdvance(when);
    painter->drawText(top, Qt::AlignRight | Qt::AlignVCenter, when);
    int right = top.right() - whenWidth - padding;

    const int unread = index.data(ConsultationListModel::UnreadRole).toInt();
    if (unread > 0) {
        const QString count = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
        const int w = std::max(line, fm.horizontalAdvance(count) + line / 2);
        const QRect badge(bottom.right() - w + 1, bottom.top(), w, line);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(
            opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Highlight));
        painter->drawRoundedRect(badge, line / 2.0, line / 2.0);
        painter->setPen(
            opt.palette.color(selected ? QPalette::Highlight : QPalette::HighlightedText));
        painter->setFont(bold);
        painter->drawText(badge, Qt::AlignCenter, count);
        bottom.setRight(badge.left() - padding);
    }

    // First line: the subject, what the consultation is about.
    painter->setFont(bold);
    painter->setPen(text);
    const QString subject = index.data(ConsultationListModel::SubjectRole).toString();
    painter->drawText(QRect(top.left(), top.top(), right - top.left(), line),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(subject, Qt::ElideRight, right - top.left()));

    // Second: who asked (name, then title · delegation or sector).
    const QString group = index.data(ConsultationListModel::RepresentativeGroupRole).toString();
    QString who =
        index.data(ConsultationListModel::RepresentativeNameRole).toString() +
        QStringLiteral(" · ") +
        titleOf(
            index.data(ConsultationListModel::RepresentativeKindRole).value<RepresentativeKind>());
    if (!group.isEmpty())
        who += QStringLiteral(" · ") + group;
    const QString standing = index.data(ConsultationListModel::StandingRole).toString();
    if (!standing.isEmpty())
        who = standing + QStringLiteral(" · ") + who; // first: it is what this tab is read for
    painter->setFont(opt.font);
    painter->setPen(muted);
    painter->drawText(middle, Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(who, Qt::ElideRight, middle.width()));

    // Third: the latest message and who wrote it; or, as chat programs do, the reply being
    // written here, marked as a draft.
    const QString draft = index.data(ConsultationListModel::DraftRole).toString();
    QRect third = bottom;
    if (!draft.isEmpty()) {
        const QString mark = tr("[Draft]") + u' ';
        painter->setPen(selected ? text
                                 : StatusColours::of(StatusColours::Meaning::Error, opt.palette));
        painter->drawText(third, Qt::AlignLeft | Qt::AlignVCenter, mark);
        third.setLeft(third.left() + fm.horizontalAdvance(mark));
    }
    painter->setPen(text);
    const QString latest = draft.isEmpty()
                               ? index.data(ConsultationListModel::LatestLineRole).toString()
                               : draft.simplified();
    painter->drawText(third, Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(latest, Qt::ElideRight, third.width()));
    painter->restore();
}
