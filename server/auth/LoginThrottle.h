#pragma once

#include <QHash>
#include <QString>

// Counts consecutive failed sign-ins per account and per client address. Past a threshold,
// attempts are refused without checking the password for 30 s, doubling with each further
// failure up to 15 min (docs/protocol.md, section 4). Kept in memory: a restart forgives.
class LoginThrottle
{
public:
    static constexpr int accountThreshold = 5;
    static constexpr int addressThreshold = 20;
    static constexpr qint64 baseDelayMs = 30 * 1000;
    static constexpr qint64 maxDelayMs = 15 * 60 * 1000;

    // Milliseconds the caller must wait, 0 when an attempt may proceed now.
    qint64 retryAfterMs(const QString &account, const QString &address, qint64 nowMs) const;
    void recordFailure(const QString &account, const QString &address, qint64 nowMs);
    void recordSuccess(const QString &account);

private:
    struct Entry
    {
        int failures = 0;
        qint64 blockedUntil = 0;
    };
    static void fail(Entry &entry, int threshold, qint64 nowMs);
    static qint64 remaining(const QHash<QString, Entry> &map, const QString &key, qint64 nowMs);

    QHash<QString, Entry> m_accounts;
    QHash<QString, Entry> m_addresses;
};
