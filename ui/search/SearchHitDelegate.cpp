#include "SearchHitDelegate.h"

#include "app/workspace/SearchResultModel.h"
#include "ui/common/ItemPanel.h"

#include <QAbstractTextDocumentLayout>
#include <QDateTime>
#include <QPainter>
#include <QTextDocument>

namespace {
constexpr int padding = 6;
}

QSize SearchHitDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {300, 2 * option.fontMetrics.height() + 3 * padding};
}

void SearchHitDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const ItemPanel panel = ItemPanel::draw(painter, opt);
    const QColor &text = panel.text;
    const QColor &muted = panel.muted;

    const int line = opt.fontMetrics.height();
    const QRect area = opt.rect.adjusted(padding, padding, -padding, -padding);
    const qint64 at = index.data(SearchResultModel::AtRole).toLongLong();
    const QString when = at > 0 ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(at),
                                                     QStringLiteral("yyyy-MM-dd HH:mm"))
                                : QString::number(index.data(SearchResultModel::YearRole).toInt());
    // Who wrote the message (an officer's reply is not the representative's words).
    const QVariant author = index.data(SearchResultModel::AuthorRole);
    const QString who = author.isValid()
                            ? author.toString()
                            : index.data(SearchResultModel::RepresentativeNameRole).toString();
    const QString title = index.data(SearchResultModel::TitleRole).toString();

    painter->save();
    painter->setPen(muted);
    const int whenWidth = opt.fontMetrics.horizontalAdvance(when);
    painter->drawText(QRect(area.right() - whenWidth, area.top(), whenWidth, line),
                      Qt::AlignRight | Qt::AlignVCenter, when);
    QFont bold = opt.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(text);
    const QRect header(area.left(), area.top(), area.width() - whenWidth - padding, line);
    painter->drawText(header, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(who + QStringLiteral("  ") + title,
                                                    Qt::ElideRight, header.width()));

    QTextDocument snippet;
    snippet.setDefaultFont(opt.font);
    snippet.setDocumentMargin(0);
    snippet.setHtml(index.data(SearchResultModel::SnippetHtmlRole).toString());
    // One line; what does not fit ends in "…" rather than being cut mid-character.
    const int ellipsis = opt.fontMetrics.horizontalAdvance(QStringLiteral("…"));
    const bool cut = snippet.idealWidth() > area.width();
    const int shown = cut ? area.width() - ellipsis : area.width();
    painter->translate(area.left(), area.top() + line + padding);
    if (cut) {
        painter->setPen(text);
        painter->drawText(QRect(shown, 0, ellipsis, line), Qt::AlignLeft | Qt::AlignVCenter,
                          QStringLiteral("…"));
    }
    painter->setClipRect(QRect(0, 0, shown, line + 2));
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = opt.palette;
    context.palette.setColor(QPalette::Text, text);
    snippet.documentLayout()->draw(painter, context);
    painter->restore();
}
