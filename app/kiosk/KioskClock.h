#pragma once

#include <QElapsedTimer>
#include <functional>
#include <memory>

// Milliseconds on a clock that only moves forward. The kiosk's timers read it through this
// type so that tests can drive an idle desk through five minutes in no time.
using KioskClock = std::function<qint64()>;

// What a count-down shows for `ms` milliseconds left: whole seconds, rounded up, never below 0.
inline int secondsShown(qint64 ms)
{
    return ms <= 0 ? 0 : int((ms + 999) / 1000);
}

inline KioskClock steadyClock()
{
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    return [timer] {
        return timer->elapsed();
    };
}
