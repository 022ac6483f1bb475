#include "IdleSignOut.h"

#include "KioskLog.h"

IdleSignOut::IdleSignOut(qint64 idleMs, qint64 warningMs, KioskClock clock, QObject *parent)
    : QObject(parent)
    , m_idleMs(idleMs)
    , m_warningMs(std::min(warningMs, idleMs))
    , m_clock(std::move(clock))
{
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &IdleSignOut::check);
}

void IdleSignOut::start()
{
    m_running = true;
    m_lastActivity = m_clock();
    m_shownSeconds = -1;
    m_timer.start();
}

void IdleSignOut::stop()
{
    m_running = false;
    m_timer.stop();
    if (m_shownSeconds >= 0) {
        m_shownSeconds = -1;
        Q_EMIT warningCleared();
    }
}

void IdleSignOut::activity()
{
    if (!m_running)
        return;
    m_lastActivity = m_clock();
    if (m_shownSeconds >= 0) {
        m_shownSeconds = -1;
        Q_EMIT warningCleared();
    }
}

int IdleSignOut::secondsLeft() const
{
    return secondsShown(m_idleMs - (m_clock() - m_lastActivity));
}

void IdleSignOut::check()
{
    if (!m_running)
        return;
    const qint64 idle = m_clock() - m_lastActivity;
    if (idle >= m_idleMs) {
        qCInfo(lcKiosk) << "signed out after" << idle / 1000 << "s without input";
        stop();
        Q_EMIT expired();
        return;
    }
    if (idle < m_idleMs - m_warningMs)
        return;
    const int left = secondsLeft();
    if (left != m_shownSeconds) {
        m_shownSeconds = left;
        Q_EMIT warning(left);
    }
}
