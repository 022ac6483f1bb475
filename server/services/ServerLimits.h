#pragma once

#include "app/protocol/Limits.h"

// The limits one server instance enforces; the defaults are protocol v1's, tests shorten the
// timeouts to observe them.
struct ServerLimits
{
    double ratePerSecond = Limits::defaultRatePerSecond;
    double rateBurst = Limits::defaultRateBurst;
    int helloTimeoutMs = Limits::helloTimeoutMs;
    int idleTimeoutMs = Limits::idleTimeoutMs;
    int pingIntervalMs = Limits::pingIntervalMs;
    qint64 maxFrameBytes = Limits::maxFrameBytes;
};
