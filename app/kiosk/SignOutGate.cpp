#include "SignOutGate.h"

#include "KioskLog.h"

#include <algorithm>

SignOutGate::SignOutGate(qint64 limitMs, Undelivered undelivered, KioskClock clock, QObject *parent)
    : QObject(parent)
    , m_limitMs(limitMs)
    , m_undelivered(std::move(undelivered))
    , m_clock(std::move(clock))
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &SignOutGate::check);
}

void SignOutGate::begin()
{
    if (m_waiting)
        return;
    m_waiting = true;
    m_began = m_clock();
    m_shownSeconds = m_shownCount = -1;
    m_timer.start();
    check();
}

int SignOutGate::secondsLeft() const
{
    return secondsShown(m_limitMs - (m_clock() - m_began));
}

void SignOutGate::check()
{
    if (!m_waiting)
        return;
    const QList<OutboxItem> undelivered = m_undelivered();
    if (undelivered.isEmpty()) {
        m_waiting = false;
        m_timer.stop();
        Q_EMIT cleared();
        return;
    }
    // Replies the server refused will not go out by waiting: given up at once.
    const bool allRefused =
        std::all_of(undelivered.cbegin(), undelivered.cend(),
                    [](const auto &i) { return i.state == OutboxItem::State::Failed; });
    if (allRefused || m_clock() - m_began >= m_limitMs) {
        m_waiting = false;
        m_timer.stop();
        qCWarning(lcKiosk) << "sign-out gave up" << undelivered.size() << "undelivered replies";
        Q_EMIT discarding(undelivered);
        return;
    }
    const int left = secondsLeft();
    if (left != m_shownSeconds || undelivered.size() != m_shownCount) {
        m_shownSeconds = left;
        m_shownCount = int(undelivered.size());
        Q_EMIT waiting(undelivered, left);
    }
}
