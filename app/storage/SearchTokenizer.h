#pragma once

#include <QSqlDatabase>

// How every search index of the cache is declared, after its columns and content options.
// detail=none: the index keeps which rows hold a token, not where. Positions were two thirds
// of its size (1.78 x the text with them, measured on a million messages), and bigrams make
// them unnecessary for parts of up to two units; longer parts are checked against the text
// (searchNeedsCheck, search_contains). columnsize=0: no token counts per row, which only
// ranking by relevance (bm25) would read; results are listed newest first.
inline constexpr char SearchIndexOptions[] = "tokenize='cjk', detail=none, columnsize=0";

// Registers, on one SQLite connection, the FTS5 tokenizer "cjk" (tables declare it through
// SearchIndexOptions) and the SQL function search_contains(text, query), searchContains of
// SearchText.h. They must be registered on every connection that reads or writes such a
// table, before the first use.
//
// Documents: every unit (see SearchText.h) is a token, and every two adjacent units also give
// a bigram token. Queries: searchMatchExpression asks for each unit or bigram on its own; the
// tokenizer turns a quoted pair of joined units into its bigram, a single unit into itself.
// Bigrams are far more selective than single characters, so that a query for 代表 does not
// walk the posting list of every 代.
bool registerSearchTokenizer(const QSqlDatabase &db);
