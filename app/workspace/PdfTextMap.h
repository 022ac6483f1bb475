#pragma once

#include <QByteArray>
#include <QHash>

class QRawFont;

// The text a PDF carries for its glyphs (its ToUnicode maps), corrected for CJK.
//
// Qt's PDF writer (6.4, QFontSubset::getReverseMap) gives each embedded glyph the lowest code
// point the font maps to it. CJK fonts map the Kangxi and supplementary radicals
// (U+2E80–U+2FDF) to the same glyphs as everyday ideographs (⼈ and 人, ⻔ and 门, ⻝ and 食),
// so text copied or searched from an exported record comes out as radicals and a search for
// 人大 finds nothing. No Debian library fixes Qt's output; this rewrites the maps of a finished
// PDF in place, each radical replaced by the ideograph that shares its glyph in the font that
// drew it, with codes of the same length so every byte offset and the cross-reference table
// stay valid.
namespace PdfTextMap {

// Radical code point → the ideograph drawn with the same glyph in `font` (unified ideographs
// first, then extension A, then compatibility ideographs).
QHash<char16_t, char16_t> ideographsForRadicals(const QRawFont &font);

// `pdf` with every radical in its ToUnicode maps replaced as `ideographs` says; ranges that
// map glyphs onto a run of consecutive code points are left alone (Qt writes them only for ten
// or more consecutive characters, which radicals shared with ideographs never are).
QByteArray withIdeographs(QByteArray pdf, const QHash<char16_t, char16_t> &ideographs);

} // namespace PdfTextMap
