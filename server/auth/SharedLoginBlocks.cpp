#include "SharedLoginBlocks.h"

#include "LoginThrottle.h"
#include "server/storage/CommitGroup.h"
#include "server/storage/Database.h"
#include "server/storage/Sql.h"

#include <algorithm>

namespace {

// Accounts are "r:login" / "p:login"; addresses get a prefix of their own.
QString addressKey(const QString &address)
{
    return QStringLiteral("ip:") + address;
}

} // namespace

qint64 SharedLoginBlocks::waitMs(const QString &account, const QString &address, qint64 nowMs) const
{
    SqlStatement query(m_database,
                       QStringLiteral("SELECT MAX(blocked_until) FROM login_blocks"
                                      " WHERE key IN (?, ?)"),
                       {account, addressKey(address)});
    if (!query.ok() || !query.next())
        return 0;
    return std::max<qint64>(0, query.int64(0) - nowMs);
}

void SharedLoginBlocks::finish(const QString &account, const QString &address, bool success,
                               qint64 nowMs)
{
    // A short transaction of its own, never a savepoint in the node's group: the group may hold
    // the change counter, and a login_blocks row waited for meanwhile (another node counting a
    // failure of the same key) would hold up every node. So the group is committed first.
    if (CommitGroup *group = m_database.commitGroup())
        group->commit();
    if (!m_database.begin())
        return;
    const bool ok =
        success ? SqlStatement(m_database,
                               QStringLiteral("DELETE FROM login_blocks"
                                              " WHERE key IN (?, ?)"),
                               {account, addressKey(address)})
                      .ok()
                : recordFailure(account, LoginThrottle::accountThreshold, nowMs) &&
                      recordFailure(addressKey(address), LoginThrottle::addressThreshold, nowMs);
    if (ok)
        m_database.commit();
    else
        m_database.rollback();
}

bool SharedLoginBlocks::recordFailure(const QString &key, int threshold, qint64 nowMs)
{
    // One statement counts the failure whichever node saw the others: the row is locked while
    // it is incremented.
    SqlStatement counted(m_database,
                         QStringLiteral("INSERT INTO login_blocks (key, failures, blocked_until,"
                                        " updated_at) VALUES (?, 1, 0, ?)"
                                        " ON CONFLICT (key) DO UPDATE SET"
                                        " failures = login_blocks.failures + 1,"
                                        " updated_at = excluded.updated_at"
                                        " RETURNING failures"),
                         {key, nowMs});
    const qint64 failures = counted.returnedId();
    if (failures <= 0)
        return false;
    const qint64 block = LoginThrottle::blockMs(static_cast<int>(failures), threshold);
    if (block > 0 &&
        !SqlStatement(m_database,
                      QStringLiteral("UPDATE login_blocks SET blocked_until = ? WHERE key = ?"),
                      {nowMs + block, key})
             .ok())
        return false;
    // Forgotten once nothing is blocked for a day: the keys are chosen by whoever connects.
    return SqlStatement(m_database,
                        QStringLiteral("DELETE FROM login_blocks"
                                       " WHERE updated_at < ? AND blocked_until < ?"),
                        {nowMs - 24 * 3600 * 1000, nowMs})
        .ok();
}
