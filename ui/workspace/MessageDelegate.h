#pragma once

#include "Directory.h"

#include <QStyledItemDelegate>

// A conversation entry: the representative's messages on the left, responders' on the right
// (the officer's own with their delivery state), system entries (claimed, transferred, closed,
// rated) centred in small type, voice messages as a voice bubble with their length, and a day
// separator above the first entry of each day. Times are exact (to the second).
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit MessageDelegate(QObject *parent = nullptr);

    void setDirectory(const Directory &directory) { m_directory = directory; }
    // The width entries are laid out for (the view's viewport).
    void setWidth(int width) { m_width = width; }
    // A message to draw out (a search hit jumped to); 0: none.
    void setHighlighted(qint64 messageId) { m_highlighted = messageId; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // What a system entry says, in the interface language.
    QString systemText(const QJsonObject &payload) const;
    static QString deliveryText(int delivery, const QString &error);

private:
    struct Layout
    {
        QRect separator; // empty: no day separator
        QRect header;    // sender and time
        QRect bubble;
        QRect text;
        QRect footer; // delivery state
    };
    Layout layout(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    bool startsDay(const QModelIndex &index) const;
    QString bodyText(const QModelIndex &index) const;

    Directory m_directory;
    int m_width = 600;
    qint64 m_highlighted = 0;
};
