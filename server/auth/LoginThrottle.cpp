#include "LoginThrottle.h"

#include <algorithm>

qint64 LoginThrottle::remaining(const QHash<QString, Entry> &map, const QString &key, qint64 nowMs)
{
    const auto it = map.constFind(key);
    return it == map.cend() ? 0 : std::max<qint64>(0, it->blockedUntil - nowMs);
}

qint64 LoginThrottle::retryAfterMs(const QString &account, const QString &address,
                                   qint64 nowMs) const
{
    return std::max(remaining(m_accounts, account, nowMs), remaining(m_addresses, address, nowMs));
}

void LoginThrottle::fail(Entry &entry, int threshold, qint64 nowMs)
{
    ++entry.failures;
    if (entry.failures < threshold)
        return;
    const int doublings = std::min(entry.failures - threshold, 10);
    entry.blockedUntil = nowMs + std::min(maxDelayMs, baseDelayMs << doublings);
}

void LoginThrottle::recordFailure(const QString &account, const QString &address, qint64 nowMs)
{
    fail(m_accounts[account], accountThreshold, nowMs);
    fail(m_addresses[address], addressThreshold, nowMs);
}

void LoginThrottle::recordSuccess(const QString &account)
{
    m_accounts.remove(account);
}
