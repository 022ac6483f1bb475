#pragma once

#include "KioskClock.h"
#include "app/outbox/OutboxItem.h"

#include <QList>
#include <QObject>
#include <QTimer>
#include <functional>

// Sign-out at a shared desk never loses a reply silently: it waits while the outbox holds
// undelivered replies (queued or sending), showing them, and lets the officer go only when they
// are delivered. Past the administrator's limit, or at once when all that is left was refused
// by the server, it gives up on them: discarding() names them, for a visible notice and for the
// server's record (DiscardReports).
class SignOutGate : public QObject
{
    Q_OBJECT
public:
    using Undelivered = std::function<QList<OutboxItem>()>;

    SignOutGate(qint64 limitMs, Undelivered undelivered, KioskClock clock = steadyClock(),
                QObject *parent = nullptr);

    // The officer (or the idle timer) asked to sign out. Answers at once when nothing waits.
    void begin();
    bool isWaiting() const { return m_waiting; }
    // The outbox changed (an item delivered or refused); also runs every second while waiting.
    void check();
    // Whole seconds until the undelivered replies are given up, rounded up.
    int secondsLeft() const;

Q_SIGNALS:
    // Replies are still on their way; the list and the wait left, each time either changes.
    void waiting(const QList<OutboxItem> &undelivered, int secondsLeft);
    // Nothing undelivered (any more): the sign-out may go on.
    void cleared();
    // The limit passed with these replies undelivered: they are given up.
    void discarding(const QList<OutboxItem> &undelivered);

private:
    qint64 m_limitMs;
    Undelivered m_undelivered;
    KioskClock m_clock;
    QTimer m_timer;
    qint64 m_began = 0;
    bool m_waiting = false;
    int m_shownSeconds = -1;
    int m_shownCount = -1;
};
