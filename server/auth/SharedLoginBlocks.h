#pragma once

#include <QString>

class Database;

// Several nodes on one database: the failed sign-ins of an account or an address, and the
// block they earned, kept in the database (table login_blocks), so that failures on any node
// count towards a block that applies on every node. Each node's LoginThrottle still counts
// its own checks in flight, so guesses fired at N nodes at the same moment get up to N times
// the threshold checked before the first block; after it, the same delays as on one node
// (LoginThrottle::blockMs).
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
    bool recordFailure(const QString &key, int threshold, qint64 nowMs);

    Database &m_database;
};
