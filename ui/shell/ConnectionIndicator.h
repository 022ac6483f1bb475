#pragma once

#include "app/session/AccountSession.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QToolButton;

// The status bar's view of the connection: a coloured dot and a few words (online, connecting,
// reconnecting in N s, offline, signed out), with the one action that helps in that state
// (retry now; sign in). It never opens a dialog by itself.
class ConnectionIndicator : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionIndicator(QWidget *parent = nullptr);

    void setSession(AccountSession *session);
    QString text() const;

Q_SIGNALS:
    void signInRequested();

private:
    void refresh();

    QPointer<AccountSession> m_session;
    QLabel *m_dot;
    QLabel *m_text;
    QToolButton *m_action;
    QTimer m_countdown;
};
