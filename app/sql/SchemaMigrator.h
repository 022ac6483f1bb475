#pragma once

#include "app/core/Expected.h"

#include <QList>
#include <QSqlDatabase>
#include <QStringList>

// A schema as an append-only list of numbered steps. A released step is never edited; a change
// is a new step. Used by the server's database and the client's cache alike.
struct Migration
{
    int version;
    QStringList statements;
};

// The version recorded in the database, 0 for a fresh one.
int schemaVersion(const QSqlDatabase &db);
// Applies the steps after the current version, each in its own transaction, up to `target`
// (-1: the last). Refuses a database newer than the list.
Expected<int, QString> migrate(const QSqlDatabase &db, const QList<Migration> &migrations,
                               int target = -1);
