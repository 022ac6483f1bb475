#include "QueueView.h"

#include "ConsultationDelegate.h"
#include "app/workspace/ConsultationListModel.h"

#include <QDateTime>
#include <QLabel>
#include <QListView>
#include <QTabBar>
#include <QVBoxLayout>

namespace {
// Tab order = the filters' order.
const QList<ConsultationQuery::Filter> filters{
    ConsultationQuery::Filter::Waiting, ConsultationQuery::Filter::Mine,
    ConsultationQuery::Filter::TransferredToMe, ConsultationQuery::Filter::Closed,
    ConsultationQuery::Filter::All};
} // namespace

QueueView::QueueView(ConsultationListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_tabs(new QTabBar(this))
    , m_list(new QListView(this))
    , m_empty(new QLabel(this))
    , m_delegate(new ConsultationDelegate(this))
{
    m_tabs->addTab(tr("Waiting"));
    m_tabs->addTab(tr("Mine"));
    m_tabs->addTab(tr("Transferred"));
    m_tabs->addTab(tr("Closed"));
    m_tabs->addTab(tr("All"));
    m_tabs->setExpanding(false);
    m_tabs->setDrawBase(false);
    m_tabs->setAccessibleName(tr("Queue filter"));
    m_tabs->setTabToolTip(0, tr("Not yet claimed in your department, longest-waiting first"));
    m_tabs->setTabToolTip(1, tr("Claimed by you and still open"));
    m_tabs->setTabToolTip(2, tr("Transferred to you, or to your department from another one"));
    m_tabs->setTabToolTip(3, tr("Closed, most recent first"));
    m_tabs->setTabToolTip(4, tr("Everything you may see, newest first"));

    // Before the view and its selection model connect: they move the current row while rows
    // are removed, and that must not open another consultation.
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this] { m_rowsLeaving = true; });
    m_list->setModel(model);
    m_list->setItemDelegate(m_delegate);
    m_list->setUniformItemSizes(true); // 100,000 rows scroll without measuring each
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setAccessibleName(tr("Consultations"));
    m_list->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_tabs);
    layout->addWidget(m_list);
    layout->addWidget(m_empty, 1);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMargin(24);
    m_empty->hide();
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(model, signal, this, &QueueView::showEmptyState);
    connect(model, &ConsultationListModel::pageLoaded, this, &QueueView::showEmptyState);

    connect(m_tabs, &QTabBar::currentChanged, this, &QueueView::reload);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                // A reload or a row leaving moves or clears the selection; the conversation
                // stays where the officer is (a claimed one leaves "waiting" but stays open).
                if (!current.isValid() || m_rowsLeaving)
                    return;
                const qint64 id = current.data(ConsultationListModel::IdRole).toLongLong();
                if (id == m_selected)
                    return;
                m_selected = id;
                Q_EMIT consultationSelected(id);
            });
    // A click or Enter on a row opens it, also when it is already the current row.
    for (auto signal : {&QListView::clicked, &QListView::activated}) {
        connect(m_list, signal, this, [this](const QModelIndex &index) {
            m_selected = index.data(ConsultationListModel::IdRole).toLongLong();
            Q_EMIT consultationSelected(m_selected);
        });
    }
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this] {
        m_rowsLeaving = false;
        if (m_model->rowOf(m_selected) < 0) {
            const QSignalBlocker quiet(m_list->selectionModel());
            m_list->selectionModel()->clear();
        }
    });
    // Rows come and go live: keep the selection on the same consultation.
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        const int row = m_model->rowOf(m_selected);
        if (row >= 0 && m_list->currentIndex().row() != row)
            m_list->setCurrentIndex(m_model->index(row));
    });
    m_clock.setInterval(15000);
    connect(&m_clock, &QTimer::timeout, this, &QueueView::tick);
    m_clock.start();
    tick();
}

void QueueView::setViewer(qint64 responderId, qint64 departmentId)
{
    if (responderId == m_responderId && departmentId == m_departmentId)
        return;
    m_responderId = responderId;
    m_departmentId = departmentId;
    reload();
}

void QueueView::setFilter(ConsultationQuery::Filter filter)
{
    m_tabs->setCurrentIndex(static_cast<int>(filters.indexOf(filter)));
}

ConsultationQuery::Filter QueueView::filter() const
{
    return filters.value(m_tabs->currentIndex(), ConsultationQuery::Filter::Waiting);
}

void QueueView::setOverdueAfterMs(qint64 ms)
{
    m_delegate->setOverdueAfterMs(ms);
    m_list->viewport()->update();
}

qint64 QueueView::currentConsultation() const
{
    return m_selected;
}

void QueueView::follow(qint64 consultationId)
{
    m_selected = consultationId;
    const int row = m_model->rowOf(consultationId);
    const QSignalBlocker quiet(m_list->selectionModel());
    if (row < 0) {
        m_list->selectionModel()->clear(); // not in this tab: nothing is marked
        return;
    }
    m_list->setCurrentIndex(m_model->index(row));
    m_list->scrollTo(m_model->index(row));
}

void QueueView::selectRelative(int step)
{
    if (!m_list->currentIndex().isValid() && m_model->rowOf(m_selected) < 0 && step > 0) {
        // The open one has left this list: start from the top again.
        m_list->setCurrentIndex(m_model->index(0));
        return;
    }
    const int rows = m_model->rowCount();
    if (rows == 0)
        return;
    const int current = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -step;
    const int next = std::clamp(current + step, 0, rows - 1);
    m_list->setCurrentIndex(m_model->index(next));
    m_list->scrollTo(m_model->index(next));
}

void QueueView::reload()
{
    if (m_responderId > 0)
        m_model->setQuery({filter(), m_responderId, m_departmentId});
}

void QueueView::showEmptyState()
{
    const bool empty = m_model->rowCount() == 0 && !m_model->isLoading();
    if (empty) {
        switch (filter()) {
        case ConsultationQuery::Filter::Waiting:
            m_empty->setText(tr("Nothing is waiting in your department."));
            break;
        case ConsultationQuery::Filter::Mine:
            m_empty->setText(tr("You hold no open consultation. Claim one under “Waiting”."));
            break;
        case ConsultationQuery::Filter::TransferredToMe:
            m_empty->setText(tr("Nothing has been transferred to you."));
            break;
        default:
            m_empty->setText(tr("No consultations here yet."));
        }
    }
    m_empty->setVisible(empty);
    m_list->setVisible(!empty);
}

void QueueView::tick()
{
    m_delegate->setNow(QDateTime::currentMSecsSinceEpoch());
    m_list->viewport()->update();
}

QList<QWidget *> QueueView::focusOrder() const
{
    return {m_tabs, m_list};
}
