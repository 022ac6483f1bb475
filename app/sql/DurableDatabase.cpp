#include "DurableDatabase.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

QString uniqueConnectionName(const QString &prefix)
{
    return prefix + u'-' + QUuid::createUuid().toString(QUuid::Id128);
}

std::optional<QString> openDurableDatabase(const QString &name, const QString &path,
                                           const QList<Migration> &migrations)
{
    QString failure;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            failure = QStringLiteral("%1 cannot be opened: %2").arg(path, db.lastError().text());
        for (const char *pragma :
             {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA busy_timeout=2000"}) {
            QSqlQuery q(db);
            if (failure.isEmpty() && !q.exec(QLatin1String(pragma)))
                failure = QStringLiteral("%1 cannot be used: %2").arg(path, q.lastError().text());
        }
        if (failure.isEmpty()) {
            const auto migrated = migrate(db, migrations);
            if (!migrated)
                failure = QStringLiteral("%1: %2").arg(path, migrated.error());
        }
        if (!failure.isEmpty())
            db.close();
    }
    if (failure.isEmpty())
        return std::nullopt;
    QSqlDatabase::removeDatabase(name);
    return failure;
}
