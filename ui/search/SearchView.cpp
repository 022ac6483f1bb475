#include "SearchView.h"

#include "SearchHitDelegate.h"
#include "app/session/AccountSession.h"
#include "app/workspace/CacheReader.h"
#include "app/workspace/SearchResultModel.h"
#include "ui/common/ProposalRecord.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QShortcut>
#include <QSplitter>
#include <QVBoxLayout>

SearchView::SearchView(QWidget *parent)
    : QWidget(parent)
    , m_query(new QLineEdit(this))
    , m_scope(new QComboBox(this))
    , m_state(new QComboBox(this))
    , m_representative(new QLineEdit(this))
    , m_dated(new QCheckBox(tr("&From"), this))
    , m_from(new QDateEdit(QDate::currentDate().addMonths(-1), this))
    , m_until(new QDateEdit(QDate::currentDate(), this))
    , m_list(new QListView(this))
    , m_status(new QLabel(this))
    , m_record(new ProposalRecord(this))
{
    setWindowTitle(tr("Search history"));
    m_query->setPlaceholderText(tr("Words to find (any length, Chinese or not)"));
    m_query->setAccessibleName(tr("Search words"));
    m_query->setClearButtonEnabled(true);
    m_scope->addItem(tr("in messages"), static_cast<int>(SearchRequest::Scope::Messages));
    m_scope->addItem(tr("in subjects"), static_cast<int>(SearchRequest::Scope::Subjects));
    m_scope->addItem(tr("in proposals"), static_cast<int>(SearchRequest::Scope::Proposals));
    m_scope->setAccessibleName(tr("Search in"));
    m_state->addItem(tr("Any state"));
    m_state->addItem(tr("Waiting"), QVariant::fromValue(ConsultationState::Waiting));
    m_state->addItem(tr("Being answered"), QVariant::fromValue(ConsultationState::Claimed));
    m_state->addItem(tr("Closed"), QVariant::fromValue(ConsultationState::Closed));
    m_state->setAccessibleName(tr("Consultation state"));
    m_representative->setPlaceholderText(tr("Representative's name"));
    m_representative->setAccessibleName(tr("Representative"));
    m_representative->setClearButtonEnabled(true);
    for (QDateEdit *date : {m_from, m_until}) {
        date->setCalendarPopup(true);
        date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        date->setEnabled(false);
    }
    m_from->setAccessibleName(tr("From date"));
    m_until->setAccessibleName(tr("Until date"));
    m_list->setItemDelegate(new SearchHitDelegate(this));
    m_list->setUniformItemSizes(true);
    m_list->setAccessibleName(tr("Search results"));

    auto *grid = new QGridLayout;
    grid->addWidget(m_query, 0, 0, 1, 3);
    grid->addWidget(m_scope, 0, 3);
    grid->addWidget(m_state, 1, 0);
    grid->addWidget(m_representative, 1, 1);
    auto *dates = new QHBoxLayout;
    dates->addWidget(m_dated);
    dates->addWidget(m_from);
    dates->addWidget(new QLabel(tr("until"), this));
    dates->addWidget(m_until);
    grid->addLayout(dates, 1, 2, 1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_list);
    split->addWidget(m_record);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    m_record->hide();
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    m_delay.setSingleShot(true);
    m_delay.setInterval(300); // typing pauses, then search
    connect(&m_delay, &QTimer::timeout, this, &SearchView::runSearch);
    auto later = [this] {
        m_delay.start();
    };
    connect(m_query, &QLineEdit::textChanged, this, later);
    connect(m_representative, &QLineEdit::textChanged, this, later);
    connect(m_scope, &QComboBox::currentIndexChanged, this, later);
    connect(m_state, &QComboBox::currentIndexChanged, this, later);
    connect(m_from, &QDateEdit::dateChanged, this, later);
    connect(m_until, &QDateEdit::dateChanged, this, later);
    connect(m_dated, &QCheckBox::toggled, this, [this, later](bool on) {
        m_from->setEnabled(on);
        m_until->setEnabled(on);
        later();
    });
    connect(m_query, &QLineEdit::returnPressed, this, &SearchView::runSearch);
    // A window of its own: Esc puts it away, as it does a dialog.
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &QWidget::close);
    connect(m_list, &QListView::activated, this, [this](const QModelIndex &index) {
        // A message opens its consultation at that message; a subject, the consultation.
        const auto kind =
            static_cast<SearchRequest::Scope>(index.data(SearchResultModel::KindRole).toInt());
        if (kind == SearchRequest::Scope::Messages)
            Q_EMIT messageChosen(index.data(SearchResultModel::ConsultationIdRole).toLongLong(),
                                 index.data(SearchResultModel::IdRole).toLongLong());
        else if (kind == SearchRequest::Scope::Subjects)
            Q_EMIT messageChosen(index.data(SearchResultModel::ConsultationIdRole).toLongLong(), 0);
        else
            openProposal(index.data(SearchResultModel::IdRole).toLongLong());
    });
}

void SearchView::setSession(AccountSession *session)
{
    m_session = session;
    delete m_results;
    m_results = nullptr;
    // What the previous officer searched for is theirs: the window closes, its fields empty.
    hide();
    m_query->clear();
    m_representative->clear();
    m_record->clear();
    m_record->hide();
    if (!session)
        return;
    connect(session->cacheReader(), &CacheReader::proposalsFetched, this,
            [this](quint64 ticket, const QList<Proposal> &rows) {
                if (ticket != m_recordTicket)
                    return;
                if (rows.isEmpty())
                    m_record->setPlainText(tr("This proposal is no longer in the cache."));
                else
                    m_record->showProposal(rows.first());
                m_record->show();
            });
    m_results = session->searchResults(this);
    m_list->setModel(m_results);
    connect(m_results, &SearchResultModel::pageLoaded, this, &SearchView::showStatus);
    connect(m_results, &QAbstractItemModel::modelReset, this, &SearchView::showStatus);
}

void SearchView::focusQuery()
{
    m_query->setFocus();
    m_query->selectAll();
}

void SearchView::runSearch()
{
    m_delay.stop();
    if (!m_results)
        return;
    SearchRequest request;
    request.scope = static_cast<SearchRequest::Scope>(m_scope->currentData().toInt());
    request.text = m_query->text();
    if (const QVariant state = m_state->currentData(); state.isValid())
        request.state = state.value<ConsultationState>();
    request.representativeName = m_representative->text();
    if (m_dated->isChecked()) {
        request.from = m_from->date().startOfDay().toMSecsSinceEpoch();
        request.until = m_until->date().addDays(1).startOfDay().toMSecsSinceEpoch();
    }
    m_state->setEnabled(request.scope != SearchRequest::Scope::Proposals);
    m_record->hide(); // it belonged to the previous results
    m_recordTicket = 0;
    m_results->setRequest(request);
}

void SearchView::openProposal(qint64 proposalId)
{
    if (!m_session)
        return;
    CacheReader *reader = m_session->cacheReader();
    m_recordTicket = reader->newTicket();
    QMetaObject::invokeMethod(reader, [reader, ticket = m_recordTicket, proposalId] {
        reader->fetchProposal(ticket, proposalId);
    });
}

void SearchView::setDirectory(const Directory &directory)
{
    m_record->setDirectory(directory);
}

void SearchView::showStatus()
{
    if (!m_results)
        return;
    const int n = m_results->rowCount();
    if (m_results->isLoading() && n == 0)
        m_status->setText(tr("Searching…"));
    else if (n == 0)
        m_status->setText(tr("Nothing found."));
    else if (m_results->canFetchMore())
        m_status->setText(
            tr("%1 results so far, newest first; scroll for more").arg(QLocale().toString(n)));
    else
        m_status->setText(tr("%1 results, newest first").arg(QLocale().toString(n)));
}

QString SearchView::statusText() const
{
    return m_status->text();
}
