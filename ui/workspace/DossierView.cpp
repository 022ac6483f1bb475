#include "DossierView.h"

#include "ConsultationDelegate.h"
#include "app/session/AccountSession.h"
#include "app/workspace/CacheReader.h"
#include "app/workspace/ConsultationListModel.h"
#include "app/workspace/ProposalListModel.h"
#include "ui/common/ProposalRecord.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {
QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}
} // namespace

DossierView::DossierView(QWidget *parent)
    : QWidget(parent)
    , m_name(new QLabel(this))
    , m_title(new QLabel(this))
    , m_contact(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_search(new QLineEdit(this))
    , m_proposalList(new QListView(this))
    , m_proposal(new ProposalRecord(this))
    , m_consultationList(new QListView(this))
{
    QFont nameFont = m_name->font();
    nameFont.setBold(true);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.15);
    m_name->setFont(nameFont);
    for (QLabel *label : {m_name, m_title, m_contact}) {
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setWordWrap(true);
    }
    m_contact->setAccessibleName(tr("Contact details"));
    m_search->setPlaceholderText(tr("Search proposals (title, reply, number)"));
    m_search->setAccessibleName(tr("Search proposals"));
    m_search->setClearButtonEnabled(true);
    m_proposalList->setAccessibleName(tr("Past proposals"));
    m_proposalList->setUniformItemSizes(true);
    m_proposalList->setTextElideMode(Qt::ElideRight);
    m_proposalList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_consultationList->setAccessibleName(tr("Earlier consultations"));
    m_tabs->setAccessibleName(tr("Representative's records"));
    auto *history = new ConsultationDelegate(this);
    history->setShowsHistory(true);
    m_consultationList->setItemDelegate(history);
    m_consultationList->setUniformItemSizes(true);

    auto *proposalsPage = new QWidget(this);
    auto *proposalsLayout = new QVBoxLayout(proposalsPage);
    proposalsLayout->setContentsMargins(0, 4, 0, 0);
    auto *split = new QSplitter(Qt::Vertical, proposalsPage);
    split->addWidget(m_proposalList);
    split->addWidget(m_proposal);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    proposalsLayout->addWidget(m_search);
    proposalsLayout->addWidget(split, 1);
    m_tabs->addTab(proposalsPage, tr("Proposals"));
    m_tabs->addTab(m_consultationList, tr("Earlier consultations"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_name);
    layout->addWidget(m_title);
    layout->addWidget(m_contact);
    layout->addWidget(m_tabs, 1);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(250);
    connect(m_search, &QLineEdit::textChanged, &m_searchDelay, qOverload<>(&QTimer::start));
    connect(&m_searchDelay, &QTimer::timeout, this, [this] {
        if (m_proposals)
            m_proposals->setRepresentative(m_representativeId, m_search->text());
    });
    connect(m_consultationList, &QListView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT consultationChosen(index.data(ConsultationListModel::IdRole).toLongLong());
    });
}

void DossierView::setSession(AccountSession *session)
{
    m_session = session;
    delete m_proposals;
    delete m_consultations;
    m_proposals = nullptr;
    m_consultations = nullptr;
    m_representativeId = 0;
    m_openConsultationId = 0;
    // Nothing of the previous officer's last representative stays on screen.
    for (QLabel *label : {m_name, m_title, m_contact})
        label->clear();
    m_proposal->clear();
    if (!session)
        return;
    m_proposals = session->proposals(this);
    m_consultations = session->liveConsultations(this);
    m_proposalList->setModel(m_proposals);
    m_consultationList->setModel(m_consultations);
    connect(session->cacheReader(), &CacheReader::representativeFetched, this,
            &DossierView::onRepresentative);
    connect(m_proposalList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    m_proposal->showProposal(m_proposals->rowAt(current.row()));
            });
    connect(m_proposals, &QAbstractItemModel::modelReset, m_proposal, &QTextBrowser::clear);
    // An empty list says why it is empty, instead of looking like it is still loading.
    connect(m_proposals, &ProposalListModel::pageLoaded, this, [this] {
        if (m_proposals->rowCount() > 0)
            return;
        const QString search = m_search->text().trimmed();
        m_proposal->setPlainText(search.isEmpty()
                                     ? tr("No proposals on record for this representative.")
                                     : tr("No proposal matches “%1”.").arg(search));
    });
}

void DossierView::showRepresentative(qint64 representativeId, qint64 openConsultationId)
{
    if (!m_session ||
        (representativeId == m_representativeId && openConsultationId == m_openConsultationId))
        return;
    const bool sameRepresentative = representativeId == m_representativeId;
    m_representativeId = representativeId;
    m_openConsultationId = openConsultationId;
    ConsultationQuery query{ConsultationQuery::Filter::All, m_session->responderId(),
                            m_session->departmentId()};
    query.representativeId = representativeId;
    query.exceptId = openConsultationId;
    m_consultations->setQuery(query);
    if (sameRepresentative)
        return; // their details and proposals are already shown
    m_search->clear();
    m_searchDelay.stop();
    m_proposals->setRepresentative(representativeId);
    CacheReader *reader = m_session->cacheReader();
    m_ticket = reader->newTicket();
    QMetaObject::invokeMethod(reader, [reader, ticket = m_ticket, representativeId] {
        reader->fetchRepresentative(ticket, representativeId);
    });
}

void DossierView::onRepresentative(quint64 ticket, const Representative &row)
{
    if (ticket != m_ticket)
        return;
    m_name->setText(row.name);
    QStringList title{ConsultationDelegate::titleOf(row.kind)};
    const QString group = row.kind == RepresentativeKind::Npc ? row.delegation : row.sector;
    if (!group.isEmpty())
        title << group;
    // The organisation on a line of its own: long names wrapped after the delegation left a
    // character or two alone on the next line.
    QString text = title.join(QStringLiteral(" · "));
    if (!row.organization.isEmpty())
        text += u'\n' + row.organization;
    m_title->setText(text);
    QStringList contact;
    auto add = [&contact](const QString &label, const QString &value) {
        if (!value.isEmpty())
            contact << QStringLiteral("<b>%1</b> %2").arg(escaped(label), escaped(value));
    };
    add(tr("Mobile:"), row.contact.mobile);
    add(tr("Office:"), row.contact.officePhone);
    add(tr("Email:"), row.contact.email);
    add(tr("Address:"), row.contact.address);
    m_contact->setText(contact.isEmpty() ? tr("No contact details on record.")
                                         : contact.join(QStringLiteral("<br>")));
}

void DossierView::setDirectory(const Directory &directory)
{
    m_proposal->setDirectory(directory);
}

QString DossierView::contactText() const
{
    return m_name->text() + u'\n' + m_title->text() + u'\n' + m_contact->text();
}

QString DossierView::proposalText() const
{
    return m_proposal->toPlainText();
}

QList<QWidget *> DossierView::focusOrder() const
{
    return {m_tabs->tabBar(), m_search, m_proposalList, m_proposal, m_consultationList};
}
