#pragma once

#include "SqlEngine.h"
#include "app/sql/SchemaMigrator.h"

// The server's schema (see SchemaMigrator.h for the rules), one numbered list for both engines.
// The statements are written for SQLite; PostgreSQL gets the same statements with its own type
// names (postgresStatement), so a step can never exist for one engine and not the other.
const QList<Migration> &serverMigrations(SqlEngine engine = SqlEngine::SQLite);
int latestSchemaVersion();
// A SQLite migration statement in PostgreSQL's words: auto-numbered `id INTEGER PRIMARY KEY`
// becomes BIGSERIAL, other INTEGER columns BIGINT (SQLite's integers are 64-bit), BLOB bytea,
// REAL double precision, and WITHOUT ROWID (a SQLite storage choice) is dropped.
QString postgresStatement(const QString &sqlite);
