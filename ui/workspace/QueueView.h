#pragma once

#include "app/workspace/ConsultationQuery.h"

#include <QTimer>
#include <QWidget>

class ConsultationDelegate;
class ConsultationListModel;
class QLabel;
class QListView;
class QTabBar;

// The queue: filter tabs over one lazily loaded list. Selecting a row opens that consultation;
// waited times tick while the list is shown.
class QueueView : public QWidget
{
    Q_OBJECT
public:
    explicit QueueView(ConsultationListModel *model, QWidget *parent = nullptr);

    // Who the filters are for; call again when the principal becomes known.
    void setViewer(qint64 responderId, qint64 departmentId);
    // Reads the list again (a cache opened or replaced under it).
    void reload();
    void setFilter(ConsultationQuery::Filter filter);
    ConsultationQuery::Filter filter() const;
    void setOverdueAfterMs(qint64 ms);
    qint64 currentConsultation() const;
    // Moves the selection (keyboard: next/previous consultation).
    // The conversation opened this one (from a search hit, say): mark it here too.
    void follow(qint64 consultationId);
    void selectRelative(int step);
    QListView *list() const { return m_list; }
    QList<QWidget *> focusOrder() const;

Q_SIGNALS:
    void consultationSelected(qint64 consultationId);

private:
    void tick();
    void showEmptyState();

    ConsultationListModel *m_model;
    QTabBar *m_tabs;
    QListView *m_list;
    QLabel *m_empty;
    ConsultationDelegate *m_delegate;
    QTimer m_clock;
    qint64 m_responderId = 0;
    qint64 m_departmentId = 0;
    qint64 m_selected = 0;
    bool m_rowsLeaving = false;
};
