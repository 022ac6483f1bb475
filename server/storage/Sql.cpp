#include "Sql.h"

#include <QSqlError>

Q_LOGGING_CATEGORY(lcSql, "consult.sql")

SqlStatement::SqlStatement(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
    : m_query(db)
{
    m_query.setForwardOnly(true);
    if (!m_query.prepare(sql)) {
        qCWarning(lcSql).noquote()
            << "prepare failed:" << m_query.lastError().text() << "sql:" << sql;
        return;
    }
    for (const QVariant &value : values) {
        // An empty QString is a null one to Qt Sql; bind it as '' so that NOT NULL text columns
        // accept it. An intended NULL is passed as an invalid QVariant().
        const bool nullText = value.typeId() == QMetaType::QString && value.toString().isNull();
        m_query.addBindValue(nullText ? QVariant(QStringLiteral("")) : value);
    }
    m_ok = m_query.exec();
    if (!m_ok)
        qCWarning(lcSql).noquote() << "exec failed:" << m_query.lastError().text() << "sql:" << sql;
}

QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant();
}
