#pragma once

#include <QHash>
#include <QString>

// Counts consecutive failed sign-ins per account and per client address. Past a threshold,
// attempts are refused without checking the password for 30 s, doubling with each further
// failure up to 15 min (docs/protocol.md, section 4). For an account, checks still running
// count as failures until they finish, so firing many attempts at once gains no extra guesses;
// one address may have at most 32 checks running, which bounds the hashing work anyone can
// queue while a whole office behind one NAT can still sign in. Kept in memory: a restart
// forgives. Several nodes on one database also share the counts (SharedLoginBlocks).
class LoginThrottle
{
public:
    static constexpr int accountThreshold = 5;
    static constexpr int addressThreshold = 20;
    static constexpr qint64 baseDelayMs = 30 * 1000;
    static constexpr qint64 maxDelayMs = 15 * 60 * 1000;
    static constexpr int maxChecksPerAddress = 32; // password checks in flight from one address
    static constexpr qint64 pendingRetryMs = 1000;

    // 0 when an attempt may start now (and it is then counted as in flight); otherwise the
    // milliseconds to wait.
    qint64 begin(const QString &account, const QString &address, qint64 nowMs);
    void finish(const QString &account, const QString &address, bool success, qint64 nowMs);
    // The block that `failures` consecutive failures earn against `threshold` (0: none yet).
    static qint64 blockMs(int failures, int threshold);

private:
    struct Entry
    {
        int failures = 0;
        int inFlight = 0;
        qint64 blockedUntil = 0;
    };
    static void settle(Entry &entry, int threshold, bool success, qint64 nowMs);
    static void prune(QHash<QString, Entry> &map, qint64 nowMs);

    QHash<QString, Entry> m_accounts;
    QHash<QString, Entry> m_addresses;
};
