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
    m_open = SqlStatement(m_database,
                          m_grouped ? QStringLiteral("SAVEPOINT change") : QStringLiteral("BEGIN"))
                 .ok();
}

WriteTransaction::~WriteTransaction()
{
    if (!m_open)
        return;
    if (m_grouped) {
        SqlStatement(m_database, QStringLiteral("ROLLBACK TO change"));
        SqlStatement(m_database, QStringLiteral("RELEASE change"));
    } else {
        SqlStatement(m_database, QStringLiteral("ROLLBACK"));
    }
}

bool WriteTransaction::commit()
{
    if (!m_open)
        return false;
    const bool ok = SqlStatement(m_database, m_grouped ? QStringLiteral("RELEASE change")
                                                       : QStringLiteral("COMMIT"))
                        .ok();
    if (ok) {
        m_open = false;
        return true;
    }
    // The destructor rolls back; never leave SQLite inside a transaction later writes would join.
    return false;
}
