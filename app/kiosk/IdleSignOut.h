#pragma once

#include "KioskClock.h"

#include <QObject>
#include <QTimer>

// A shared desk left alone signs its officer out: after `idleMs` without input, with a visible
// count-down over the last `warningMs`. Any input (activity()) starts the wait again and takes
// the warning away. The checks run four times a second on a timer, or when a test calls check().
class IdleSignOut : public QObject
{
    Q_OBJECT
public:
    IdleSignOut(qint64 idleMs, qint64 warningMs, KioskClock clock = steadyClock(),
                QObject *parent = nullptr);

    // Watching starts at sign-in and stops at sign-out.
    void start();
    void stop();
    bool isRunning() const { return m_running; }
    // The officer touched the desk (a key, the mouse, a touch).
    void activity();
    void check();
    // Whole seconds until the sign-out, rounded up.
    int secondsLeft() const;

Q_SIGNALS:
    // Once when the warning starts and again each time the count of seconds goes down.
    void warning(int secondsLeft);
    void warningCleared();
    void expired();

private:
    qint64 m_idleMs;
    qint64 m_warningMs;
    KioskClock m_clock;
    QTimer m_timer;
    qint64 m_lastActivity = 0;
    int m_shownSeconds = -1; // the count on screen; -1: no warning
    bool m_running = false;
};
