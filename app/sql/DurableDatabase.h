#pragma once

#include "SchemaMigrator.h"

#include <QString>
#include <optional>

// A small SQLite file of things typed on this workstation that exist nowhere else yet (the
// outbox, undelivered script edits): WAL, synced to disk on every commit (synchronous=FULL),
// migrated to `migrations`, as the QSqlDatabase connection `connectionName` (which the caller
// removes when done). On failure, the reason; the connection is then already removed.
std::optional<QString> openDurableDatabase(const QString &connectionName, const QString &path,
                                           const QList<Migration> &migrations);
// A connection name no other database of the process uses.
QString uniqueConnectionName(const QString &prefix);
