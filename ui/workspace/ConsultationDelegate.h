#pragma once

#include "app/domain/Vocabulary.h"

#include <QStyledItemDelegate>

// A queue row: the representative's name, title and delegation or sector, how long the
// consultation has waited (or when it closed), the unread count, and its first line. A waiting
// consultation past the limit stands out with a coloured bar and bold time.
class ConsultationDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ConsultationDelegate(QObject *parent = nullptr);

    void setOverdueAfterMs(qint64 ms) { m_overdueMs = ms; }
    // The clock the waited times are measured against (the view ticks it).
    void setNow(qint64 msSinceEpoch) { m_now = msSinceEpoch; }
    // A record of past consultations (the dossier's): each with its date and state instead of
    // how long it has waited.
    void setShowsHistory(bool history) { m_history = history; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QString titleOf(RepresentativeKind kind);
    static QString stateText(ConsultationState state);

private:
    qint64 m_overdueMs = 30 * 60 * 1000;
    qint64 m_now = 0;
    bool m_history = false;
};
