#pragma once

#include <QStyledItemDelegate>

// A script as two lines: its title in bold with an "Outdated" mark past its valid-until date,
// and below either what the manager needs to know (department or personal, how often used, not
// yet on the server) or what the picker needs to choose (category and how the text begins).
class ScriptDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum class Detail
    {
        Bookkeeping, // the manager
        Content      // the quick-insert picker
    };

    explicit ScriptDelegate(Detail detail, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The second line, as painted.
    static QString detailText(const QModelIndex &index, Detail detail);
    static QString outdatedText();

private:
    Detail m_detail;
};
