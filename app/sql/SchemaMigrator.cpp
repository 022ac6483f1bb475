#include "SchemaMigrator.h"

#include "SqlBinding.h"
#include "SqlLog.h"
#include "Transaction.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

namespace {
bool exec(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery query(db);
    return execBound(query, sql, values);
}
} // namespace

int schemaVersion(const QSqlDatabase &db)
{
    // PostgreSQL's driver names a table outside the "public" schema as "schema.table".
    const QStringList tables = db.tables();
    const bool present = std::any_of(tables.cbegin(), tables.cend(), [](const QString &table) {
        return table == QLatin1String("schema_migrations") ||
               table.endsWith(QLatin1String(".schema_migrations"));
    });
    if (!present)
        return 0;
    QSqlQuery query(QStringLiteral("SELECT MAX(version) FROM schema_migrations"), db);
    return query.next() ? query.value(0).toInt() : 0;
}

Expected<int, QString> migrate(const QSqlDatabase &db, const QList<Migration> &migrations,
                               int target)
{
    const int latest = migrations.isEmpty() ? 0 : migrations.constLast().version;
    if (target < 0)
        target = latest;
    if (!exec(db, QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                 " version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)")))
        return QStringLiteral("cannot create the schema_migrations table: ") +
               db.lastError().text();
    const int current = schemaVersion(db);
    if (current > latest)
        return QStringLiteral("the database has schema version %1, newer than this program's %2")
            .arg(current)
            .arg(latest);

    for (const Migration &migration : migrations) {
        if (migration.version <= current || migration.version > target)
            continue;
        Transaction transaction(db);
        if (!transaction.isOpen())
            return QStringLiteral("migration %1 could not start").arg(migration.version);
        bool ok = true;
        for (const QString &statement : migration.statements)
            ok = ok && exec(db, statement);
        ok = ok && exec(db,
                        QStringLiteral(
                            "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"),
                        {migration.version, QDateTime::currentMSecsSinceEpoch()});
        if (!ok) {
            const QString error = db.lastError().text();
            qCWarning(lcSql) << "migration" << migration.version << "of" << db.databaseName()
                             << "failed:" << error;
            return QStringLiteral("migration %1 failed: %2").arg(migration.version).arg(error);
        }
        if (!transaction.commit())
            return QStringLiteral("migration %1 could not be committed").arg(migration.version);
    }
    return schemaVersion(db);
}
