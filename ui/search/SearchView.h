#pragma once

#include "app/workspace/Directory.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class AccountSession;
class QCheckBox;
class QComboBox;
class ProposalRecord;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListView;
class SearchResultModel;

// History search over everything in the cache (so it works offline): words of any length,
// in messages or in proposals, narrowed by date, state and representative. Opening a message
// hit jumps to it in its conversation; a proposal hit shows its record below the results.
class SearchView : public QWidget
{
    Q_OBJECT
public:
    explicit SearchView(QWidget *parent = nullptr);

    void setSession(AccountSession *session);
    void focusQuery();
    SearchResultModel *results() const { return m_results; }
    QLineEdit *queryEdit() const { return m_query; }
    QString statusText() const;
    // The record of a proposal hit opened (Enter or double-click), under the results.
    void setDirectory(const Directory &directory);
    ProposalRecord *proposalRecord() const { return m_record; }

Q_SIGNALS:
    void messageChosen(qint64 consultationId, qint64 messageId);

private:
    void runSearch();
    void showStatus();
    void openProposal(qint64 proposalId);

    QPointer<AccountSession> m_session;
    SearchResultModel *m_results = nullptr;
    QLineEdit *m_query;
    QComboBox *m_scope;
    QComboBox *m_state;
    QLineEdit *m_representative;
    QCheckBox *m_dated;
    QDateEdit *m_from;
    QDateEdit *m_until;
    QListView *m_list;
    QLabel *m_status;
    ProposalRecord *m_record;
    quint64 m_recordTicket = 0;
    QTimer m_delay;
};
