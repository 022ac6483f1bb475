#pragma once

#include <QSqlDatabase>

// Registers the FTS5 tokenizer "cjk" on one SQLite connection (tables declare
// `tokenize='cjk'`). It must be registered on every connection that reads or writes such a
// table, before the first use.
//
// Documents: every unit (see SearchText.h) is a token at its own position, and every two
// adjacent units also give a bigram token at the first one's position (FTS5_TOKEN_COLOCATED).
// Queries: a phrase of n joined units becomes n tokens at consecutive positions, the bigram
// starting at each unit where one exists, else the unit itself. A 1-unit query matches the
// unigram; longer ones match through bigrams, which are far more selective than single
// characters, so that a query for 代表 does not walk the posting list of every 代.
bool registerSearchTokenizer(const QSqlDatabase &db);
