#include "CommitGroup.h"

#include "Database.h"
#include "Sql.h"

CommitGroup::CommitGroup(Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{}

CommitGroup::~CommitGroup()
{
    commit();
}

bool CommitGroup::open()
{
    if (m_open)
        return true;
    if (!m_database.begin()) {
        // A transaction left open by a commit and a rollback that both failed would refuse
        // every write until a restart: drop it and try once more.
        m_database.rollback();
        if (!m_database.begin()) {
            qCCritical(lcSql) << "cannot begin a transaction: changes are refused";
            return false;
        }
    }
    m_open = true;
    m_requests = 0;
    m_age.start();
    // A posted call, not a zero timer: it runs once the event loop has handled what was ready
    // (every socket that had requests), before it waits for more. Qt's GLib dispatcher runs
    // timers at idle priority once they have fired, so under a steady load a zero timer would
    // wait until the load stopped (measured: replies held for seconds, clients timing out).
    if (!m_commitPosted) {
        m_commitPosted = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_commitPosted = false;
                commit();
            },
            Qt::QueuedConnection);
    }
    return true;
}

bool CommitGroup::commit()
{
    if (!m_open)
        return true;
    m_open = false;
    // Through the driver: on PostgreSQL a COMMIT of a transaction that an error aborted
    // succeeds as a statement but rolls back, and only the driver reports that.
    const bool committed = m_database.commit();
    if (!committed) {
        qCWarning(lcSql) << "a group commit failed; nothing of it was sent, and the"
                         << m_waiting.size() << "connections waiting on it are closed";
        m_database.rollback();
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
    if (m_open && (++m_requests >= MaxRequests || m_age.elapsed() >= MaxOpenMs))
        commit();
}

void CommitGroup::whenSettled(QObject *receiver, std::function<void(bool)> settled)
{
    Q_ASSERT(m_open);
    m_waiting.append({receiver, std::move(settled)});
}
