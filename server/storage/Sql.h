#pragma once

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

Q_DECLARE_LOGGING_CATEGORY(lcSql)

// Prepares, binds (positionally, always bound values) and executes one statement; failures are
// logged with the statement and reported through ok().
class SqlStatement
{
public:
    SqlStatement(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {});

    bool ok() const { return m_ok; }
    bool next() { return m_query.next(); }
    QVariant value(int column) const { return m_query.value(column); }
    qint64 int64(int column) const { return m_query.value(column).toLongLong(); }
    QString text(int column) const { return m_query.value(column).toString(); }
    int rowsAffected() const { return m_query.numRowsAffected(); }
    qint64 lastInsertId() const { return m_query.lastInsertId().toLongLong(); }
    QSqlQuery &query() { return m_query; }

private:
    QSqlQuery m_query;
    bool m_ok = false;
};

// A SQL NULL for an optional integer: ids are positive, 0 means none.
QVariant nullableId(qint64 id);
