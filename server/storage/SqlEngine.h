#pragma once

// The database engines the server runs on: SQLite (the embedded default) and PostgreSQL.
enum class SqlEngine
{
    SQLite,
    PostgreSQL
};
