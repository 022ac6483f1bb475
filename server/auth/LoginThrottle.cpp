#include "LoginThrottle.h"

#include <algorithm>

namespace {
constexpr qsizetype pruneAbove = 10000;
}

qint64 LoginThrottle::begin(const QString &account, const QString &address, qint64 nowMs)
{
    Entry &a = m_accounts[account];
    Entry &b = m_addresses[address];
    qint64 retry = std::max<qint64>({0, a.blockedUntil - nowMs, b.blockedUntil - nowMs});
    // Checks in flight count as failures, so a burst gets no more guesses than the threshold
    // leaves. Once a block has run out, an account past the threshold gets one check at a time
    // (its next failure blocks it again, for longer): the wait it was told must be enough.
    const int accountChecks = std::max(1, accountThreshold - a.failures);
    const bool busy = a.inFlight >= accountChecks || b.inFlight >= maxChecksPerAddress;
    if (retry == 0 && busy)
        retry = pendingRetryMs;
    if (retry > 0)
        return retry;
    ++a.inFlight;
    ++b.inFlight;
    return 0;
}

void LoginThrottle::settle(Entry &entry, int threshold, bool success, qint64 nowMs)
{
    entry.inFlight = std::max(0, entry.inFlight - 1);
    if (success) {
        entry.failures = 0;
        entry.blockedUntil = 0;
        return;
    }
    ++entry.failures;
    if (const qint64 block = blockMs(entry.failures, threshold); block > 0)
        entry.blockedUntil = nowMs + block;
}

qint64 LoginThrottle::blockMs(int failures, int threshold)
{
    if (failures < threshold)
        return 0;
    const int doublings = std::min(failures - threshold, 10);
    return std::min(maxDelayMs, baseDelayMs << doublings);
}

void LoginThrottle::finish(const QString &account, const QString &address, bool success,
                           qint64 nowMs)
{
    settle(m_accounts[account], accountThreshold, success, nowMs);
    settle(m_addresses[address], addressThreshold, success, nowMs);
    prune(m_accounts, nowMs);
    prune(m_addresses, nowMs);
}

// Keys are chosen by whoever connects; forget the harmless ones before the maps grow large.
void LoginThrottle::prune(QHash<QString, Entry> &map, qint64 nowMs)
{
    if (map.size() <= pruneAbove)
        return;
    map.removeIf([nowMs](const QHash<QString, Entry>::iterator it) {
        return it->inFlight == 0 && it->blockedUntil <= nowMs;
    });
}
