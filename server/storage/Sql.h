#pragma once

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariantList>

Q_DECLARE_LOGGING_CATEGORY(lcSql)

class Database;

// Prepares, binds (positionally, always bound values) and executes one statement; failures are
// logged with the statement and reported through ok().
class SqlStatement
{
public:
    // A one-off statement (schema, setup, rarely used queries).
    SqlStatement(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {});
    // A statement prepared once per database and reused: the hot paths. Must not be nested
    // inside another live use of the same SQL text.
    SqlStatement(Database &db, const QString &sql, const QVariantList &values = {});
    ~SqlStatement();
    SqlStatement(const SqlStatement &) = delete;
    SqlStatement &operator=(const SqlStatement &) = delete;

    bool ok() const { return m_ok; }
    // After reading: whether the statement failed, also part way through its rows (which
    // next() reports as their end).
    bool failed() const { return !m_ok || m_query->lastError().isValid(); }
    bool next() { return m_query->next(); }
    QVariant value(int column) const { return m_query->value(column); }
    qint64 int64(int column) const { return m_query->value(column).toLongLong(); }
    QString text(int column) const { return m_query->value(column).toString(); }
    int rowsAffected() const { return m_query->numRowsAffected(); }
    // The id of `INSERT ... RETURNING id` (both engines; Qt's lastInsertId() is an OID on
    // PostgreSQL), 0 when the statement failed or inserted nothing.
    qint64 returnedId() { return m_ok && m_query->next() ? m_query->value(0).toLongLong() : 0; }

private:
    void execute(const QString &sql, const QVariantList &values);

    QSqlQuery m_own;
    QSqlQuery *m_query;
    bool m_reused = false;
    bool m_ok = false;
};

// A SQL NULL for an optional integer: ids are positive, 0 means none.
QVariant nullableId(qint64 id);
