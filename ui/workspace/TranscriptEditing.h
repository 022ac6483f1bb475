#pragma once

#include <QObject>
#include <QPointer>

class AccountSession;
class MessageDelegate;
class QListView;

// The transcript of a voice message, put right by the officer: a context menu on the bubble
// offers "Correct the text…" (the correction goes to the server and from there to every
// colleague's desk) and, once corrected, "Show what the engine heard" and back. What the
// officer typed is never lost: an editor refused (offline, a colleague first) opens again with
// it.
class TranscriptEditing : public QObject
{
    Q_OBJECT
public:
    TranscriptEditing(QListView *list, MessageDelegate *delegate, QObject *parent = nullptr);
    void setSession(AccountSession *session) { m_session = session; }

Q_SIGNALS:
    void problem(const QString &text);

private:
    void showMenu(const QPoint &at);
    void tryFailed(qint64 messageId, const QString &reason);
    // `shown`: what the bubble showed (sending it unchanged sends nothing); `text`: the
    // editor's starting text (the officer's own after a refusal).
    void edit(qint64 messageId, int revision, const QString &baseCorrection, const QString &shown,
              const QString &text);

    QListView *m_list;
    MessageDelegate *m_delegate;
    QPointer<AccountSession> m_session;
};
