#pragma once

#include <QStyledItemDelegate>

// A search hit in two lines: who and where (representative, subject or proposal, time), then
// the text around the match with the matched words in bold.
class SearchHitDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};
