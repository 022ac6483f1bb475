#include "Sql.h"

#include "Database.h"
#include "app/sql/SqlBinding.h"

#include <QSqlError>

Q_LOGGING_CATEGORY(lcSql, "consult.sql")

SqlStatement::SqlStatement(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
    : m_own(db)
    , m_query(&m_own)
{
    m_own.setForwardOnly(true);
    if (values.isEmpty()) {
        // Unprepared: PostgreSQL cannot prepare DDL, SET, or transaction control.
        m_ok = m_own.exec(sql);
        if (!m_ok)
            qCWarning(lcSql).noquote()
                << "exec failed:" << m_own.lastError().text() << "sql:" << sql;
        return;
    }
    if (!m_own.prepare(sql)) {
        qCWarning(lcSql).noquote()
            << "prepare failed:" << m_own.lastError().text() << "sql:" << sql;
        return;
    }
    execute(sql, values);
}

SqlStatement::SqlStatement(Database &db, const QString &sql, const QVariantList &values)
    : m_query(db.statement(sql))
    , m_reused(m_query != nullptr)
{
    if (!m_query) {
        m_query = &m_own; // could not be prepared (logged): this statement fails
        return;
    }
    execute(sql, values);
}

SqlStatement::~SqlStatement()
{
    // A reused statement must not keep its read cursor open until its next use.
    if (m_reused)
        m_query->finish();
}

void SqlStatement::execute(const QString &sql, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i)
        m_query->bindValue(i, sqlBindable(values.at(i)));
    m_ok = m_query->exec();
    if (!m_ok)
        qCWarning(lcSql).noquote()
            << "exec failed:" << m_query->lastError().text() << "sql:" << sql;
}

QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant();
}
