#include "RateLimiter.h"

#include <algorithm>
#include <cmath>

bool RateLimiter::tryTake(qint64 nowMs, qint64 *retryAfterMs)
{
    if (m_lastMs >= 0 && nowMs > m_lastMs)
        m_tokens = std::min(m_burst, m_tokens + (nowMs - m_lastMs) * m_rate / 1000.0);
    m_lastMs = nowMs;
    if (m_tokens >= 1.0) {
        m_tokens -= 1.0;
        return true;
    }
    *retryAfterMs = static_cast<qint64>(std::ceil((1.0 - m_tokens) * 1000.0 / m_rate));
    return false;
}
