#include "WriteTransaction.h"

#include "CommitGroup.h"
#include "Database.h"
#include "Sql.h"

// Savepoints of one name nest: RELEASE and ROLLBACK TO act on the innermost of that name.
WriteTransaction::WriteTransaction(Database &database)
    : m_database(database)
{
    CommitGroup *group = database.commitGroup();
    m_grouped = group != nullptr && group->open();
    m_open =
        m_grouped ? m_database.command(QStringLiteral("SAVEPOINT change")) : m_database.begin();
}

WriteTransaction::~WriteTransaction()
{
    if (!m_open)
        return;
    if (m_grouped) {
        m_database.command(QStringLiteral("ROLLBACK TO change"));
        m_database.command(QStringLiteral("RELEASE change"));
    } else {
        m_database.rollback();
    }
}

bool WriteTransaction::commit()
{
    if (!m_open)
        return false;
    const bool ok =
        m_grouped ? m_database.command(QStringLiteral("RELEASE change")) : m_database.commit();
    if (ok) {
        m_open = false;
        return true;
    }
    // The destructor rolls back; never leave SQLite inside a transaction later writes would join.
    return false;
}
