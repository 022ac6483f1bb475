#include "CommitGroup.h"

#include "Database.h"
#include "Sql.h"

CommitGroup::CommitGroup(Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
    // Zero: once the event loop has handled what was ready (every socket that had requests),
    // before it waits for more.
    m_timer.setSingleShot(true);
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &CommitGroup::commit);
}

CommitGroup::~CommitGroup()
{
    commit();
}

bool CommitGroup::open()
{
    if (m_open)
        return true;
    if (!SqlStatement(m_database, QStringLiteral("BEGIN")).ok())
        return false;
    m_open = true;
    m_requests = 0;
    m_timer.start();
    return true;
}

bool CommitGroup::commit()
{
    if (!m_open)
        return true;
    m_open = false;
    m_timer.stop();
    bool committed = SqlStatement(m_database, QStringLiteral("COMMIT")).ok();
    if (!committed) {
        qCWarning(lcSql) << "a group commit of" << m_requests
                         << "requests failed; their connections are closed";
        SqlStatement(m_database, QStringLiteral("ROLLBACK"));
    } else {
        ++m_commits;
    }
    const QList<Waiting> waiting = std::exchange(m_waiting, {});
    for (const Waiting &w : waiting) {
        if (w.receiver)
            w.settled(committed);
    }
    return committed;
}

void CommitGroup::requestHandled()
{
    if (m_open && ++m_requests >= MaxRequests)
        commit();
}

void CommitGroup::whenSettled(QObject *receiver, std::function<void(bool)> settled)
{
    Q_ASSERT(m_open);
    m_waiting.append({receiver, std::move(settled)});
}
