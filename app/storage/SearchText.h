#pragma once

#include <QList>
#include <QString>

// How the cache's full-text search sees text. Every letter or digit is one unit: a Chinese
// character, a Latin letter or a digit alike, so that a query matches any substring of any
// length, from one character up, in Chinese, Latin or both mixed. Units are folded (ASCII and
// full-width forms to lower-case ASCII, other letters to lower case) so that "Ａ１", "a1" and
// "A1" are the same. Everything else (spaces, punctuation) separates units.
//
// Why not FTS5's trigram tokenizer: it cannot match a query under 3 characters, and most
// Chinese words are 2 characters long. Why not an ICU word breaker: Chinese word segmentation
// splits 人大代表 into 人大 / 代表, so a search for 大代 would miss it, and segmenters disagree
// with users about where words end. Unigrams plus bigrams index every substring.
struct SearchUnit
{
    QString folded;
    int start = 0; // byte offsets in the UTF-8 text
    int end = 0;
    bool joinsNext = false; // the next unit follows with nothing in between
};

QList<SearchUnit> searchUnits(const char *utf8, int size);
QList<SearchUnit> searchUnits(const QString &text);

// The FTS5 MATCH expression for what a user typed, for an index declared with
// SearchIndexOptions: every token of every space-separated part, ANDed (the index keeps no
// positions, so it cannot check that a part's bigrams are adjacent). Empty when there is
// nothing to search for. What it finds is exact for parts of one unit or two joined ones;
// otherwise a row is a match only if searchContains (in SQL: search_contains) also says so.
QString searchMatchExpression(const QString &userQuery);

// Whether rows found by searchMatchExpression must still pass searchContains: some part is
// three units or longer, or two units with something between them, so its tokens might occur
// apart.
bool searchNeedsCheck(const QString &userQuery);

// Whether `text` holds every part of the query as a run of units (folded alike; where two
// units of a part are joined, they must be joined in the text too).
bool searchContains(const QString &text, const QString &userQuery);

// `text` with every occurrence of each part of the query wrapped in open/close, for showing
// results. Matching uses the same folding as the index.
QString highlightMatches(const QString &text, const QString &userQuery, const QString &open,
                         const QString &close);
