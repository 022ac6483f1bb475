#pragma once

#include <QString>

// A hit's text for the results list: the part around the first match (long messages are cut,
// with an ellipsis), HTML-escaped, each match wrapped in <b>…</b>. Matching folds like the
// index does (full-width, case).
QString searchSnippet(const QString &text, const QString &query, int maxChars = 140);
