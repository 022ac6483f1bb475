#pragma once

#include "app/sql/SchemaMigrator.h"

// The server's schema (see SchemaMigrator.h for the rules). The SQL avoids SQLite-only syntax
// so that the planned PostgreSQL backend can run the same list (docs/server.md lists what
// still differs).
const QList<Migration> &serverMigrations();
int latestSchemaVersion();
