#pragma once

#include "app/kiosk/KioskClock.h"

#include <memory>

// A clock that moves only when the test says: five idle minutes pass in no time.
struct FakeClock
{
    std::shared_ptr<qint64> now = std::make_shared<qint64>(1000);
    KioskClock clock() const
    {
        return [now = now] {
            return *now;
        };
    }
    void advanceSeconds(double seconds) { *now += qint64(seconds * 1000); }
};
