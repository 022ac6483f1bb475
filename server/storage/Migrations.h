#pragma once

#include "Expected.h"

#include <QSqlDatabase>
#include <QStringList>

// The server's schema as an append-only list of numbered steps. A released step is never
// edited; a change is a new step. The SQL avoids SQLite-only syntax so that the planned
// PostgreSQL backend can run the same list.
struct Migration
{
    int version;
    QStringList statements;
};

const QList<Migration> &serverMigrations();
int latestSchemaVersion();

// The version recorded in the database, 0 for a fresh one.
int schemaVersion(const QSqlDatabase &db);
// Applies the steps after the current version, each in its own transaction, up to `target`
// (default: the latest). Refuses a database that is newer than this server.
Expected<int, QString> migrate(const QSqlDatabase &db, int target = -1);
