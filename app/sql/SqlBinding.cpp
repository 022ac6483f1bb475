#include "SqlBinding.h"

QVariant sqlBindable(const QVariant &value)
{
    // Flags are integer columns (0/1) on every engine; PostgreSQL refuses TRUE for a bigint.
    if (value.typeId() == QMetaType::Bool)
        return QVariant(value.toBool() ? 1 : 0);
    const bool nullText = value.typeId() == QMetaType::QString && value.toString().isNull();
    return nullText ? QVariant(QStringLiteral("")) : value;
}

bool execBound(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    // Without values the statement is sent unprepared: PostgreSQL cannot prepare DDL.
    if (values.isEmpty())
        return query.exec(sql);
    if (!query.prepare(sql))
        return false;
    for (const QVariant &value : values)
        query.addBindValue(sqlBindable(value));
    return query.exec();
}
