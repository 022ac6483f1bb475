#pragma once

#include "app/domain/Directory.h"
#include "app/workspace/Directory.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class AccountSession;
class ConsultationListModel;
class ProposalListModel;
class QLabel;
class QLineEdit;
class QListView;
class QTabWidget;
class ProposalRecord;

// Beside the conversation: who is asking (name, title, delegation or sector, organisation,
// contact details), their past proposals (searchable, with the whole record of the one
// selected) and their earlier consultations that this officer may see. All from the cache,
// so it works offline.
class DossierView : public QWidget
{
    Q_OBJECT
public:
    explicit DossierView(QWidget *parent = nullptr);

    void setSession(AccountSession *session);
    void setDirectory(const Directory &directory);
    void showRepresentative(qint64 representativeId, qint64 openConsultationId);
    ProposalListModel *proposals() const { return m_proposals; }
    ConsultationListModel *consultations() const { return m_consultations; }
    QString contactText() const;
    QString proposalText() const;
    QList<QWidget *> focusOrder() const;

Q_SIGNALS:
    void consultationChosen(qint64 consultationId);

private:
    void onRepresentative(quint64 ticket, const Representative &row);

    QPointer<AccountSession> m_session;
    ProposalListModel *m_proposals = nullptr;
    ConsultationListModel *m_consultations = nullptr;
    QLabel *m_name;
    QLabel *m_title;
    QLabel *m_contact;
    QTabWidget *m_tabs;
    QLineEdit *m_search;
    QListView *m_proposalList;
    ProposalRecord *m_proposal;
    QListView *m_consultationList;
    QTimer m_searchDelay;
    qint64 m_representativeId = 0;
    qint64 m_openConsultationId = 0;
    quint64 m_ticket = 0;
};
