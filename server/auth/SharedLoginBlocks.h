#pragma once

#include <QString>

class Database;

// Several nodes on one database: the failed sign-ins of an account or an address, and the
// block they earned, kept in the database (table login_blocks) so that a guesser spreading
// attempts over the nodes gets no more than on one. Each node's LoginThrottle still counts its
// own checks in flight (they bound its own hashing work); this adds the shared counts and
// blocks, with the same thresholds and delays (LoginThrottle::blockMs).
class SharedLoginBlocks
{
public:
    explicit SharedLoginBlocks(Database &database)
        : m_database(database)
    {}

    // Milliseconds until either key may try again; 0 when neither is blocked.
    qint64 waitMs(const QString &account, const QString &address, qint64 nowMs) const;
    void finish(const QString &account, const QString &address, bool success, qint64 nowMs);

private:
    void recordFailure(const QString &key, int threshold, qint64 nowMs);

    Database &m_database;
};
