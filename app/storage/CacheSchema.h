#pragma once

#include "app/sql/SchemaMigrator.h"

// The responder client's cache: what sync brings from the server, plus full-text indexes.
// Needs the "cjk" tokenizer registered on the connection (registerSearchTokenizer).
const QList<Migration> &cacheMigrations();
