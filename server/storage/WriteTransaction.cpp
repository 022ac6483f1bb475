#include "WriteTransaction.h"

#include "CommitGroup.h"
#include "Database.h"
#include "Sql.h"

WriteTransaction::WriteTransaction(Database &database)
    : m_database(database)
{
    CommitGroup *group = database.commitGroup();
    m_grouped = group != nullptr && group->open();
    m_open = m_grouped ? m_database.savepoint() : m_database.begin();
}

WriteTransaction::~WriteTransaction()
{
    if (!m_open)
        return;
    if (m_grouped) {
        m_database.rollbackToSavepoint();
    } else {
        m_database.rollback();
    }
}

bool WriteTransaction::commit()
{
    if (!m_open)
        return false;
    const bool ok = m_grouped ? m_database.releaseSavepoint() : m_database.commit();
    if (ok) {
        m_open = false;
        return true;
    }
    // The destructor rolls back; never leave SQLite inside a transaction later writes would join.
    return false;
}
