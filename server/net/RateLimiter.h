#pragma once

#include <QtGlobal>

// A token bucket: `ratePerSecond` sustained, `burst` at once.
class RateLimiter
{
public:
    RateLimiter(double ratePerSecond, double burst)
        : m_rate(ratePerSecond)
        , m_burst(burst)
        , m_tokens(burst)
    {}

    // Takes one token if there is one; otherwise says how long until there will be.
    bool tryTake(qint64 nowMs, qint64 *retryAfterMs);

private:
    double m_rate;
    double m_burst;
    double m_tokens;
    qint64 m_lastMs = -1;
};
