#include "PdfTextMap.h"

#include <QRawFont>

namespace {

// One `<hhhh>` code in a map line: where its four digits start, and its value.
struct HexCode
{
    qsizetype digits;
    char16_t value;
};

QList<HexCode> codesIn(const QByteArray &pdf, qsizetype from, qsizetype to)
{
    QList<HexCode> codes;
    for (qsizetype i = pdf.indexOf('<', from); i >= 0 && i + 5 < to; i = pdf.indexOf('<', i + 1)) {
        if (pdf.at(i + 5) != '>')
            continue;
        bool ok = false;
        const uint value = pdf.mid(i + 1, 4).toUInt(&ok, 16);
        if (ok)
            codes.append({i + 1, char16_t(value)});
    }
    return codes;
}

void writeHex(QByteArray &pdf, qsizetype at, char16_t value)
{
    static constexpr char digits[] = "0123456789abcdef";
    for (int i = 3; i >= 0; --i) {
        pdf[at + i] = digits[value & 0xf];
        value >>= 4;
    }
}

} // namespace

namespace PdfTextMap {

QHash<char16_t, char16_t> ideographsForRadicals(const QRawFont &font)
{
    QHash<char16_t, char16_t> result;
    if (!font.isValid())
        return result;
    QString radicals;
    for (char16_t r = 0x2E80; r <= 0x2FDF; ++r)
        radicals.append(QChar(r));
    const QList<quint32> radicalGlyphs = font.glyphIndexesForString(radicals);
    QHash<quint32, char16_t> ideographOfGlyph;
    for (quint32 glyph : radicalGlyphs) {
        if (glyph != 0)
            ideographOfGlyph.insert(glyph, 0);
    }
    const std::pair<char16_t, char16_t> blocks[] = {
        {0x4E00, 0x9FFF}, {0x3400, 0x4DBF}, {0xF900, 0xFAFF}};
    for (const auto &[first, last] : blocks) {
        QString block;
        for (char32_t c = first; c <= last; ++c)
            block.append(QChar(char16_t(c)));
        const QList<quint32> glyphs = font.glyphIndexesForString(block);
        for (qsizetype i = 0; i < glyphs.size(); ++i) {
            const auto found = ideographOfGlyph.find(glyphs.at(i));
            if (found != ideographOfGlyph.end() && found.value() == 0)
                found.value() = char16_t(first + i);
        }
    }
    for (qsizetype i = 0; i < radicals.size(); ++i) {
        const char16_t ideograph = ideographOfGlyph.value(radicalGlyphs.at(i));
        if (ideograph != 0)
            result.insert(radicals.at(i).unicode(), ideograph);
    }
    return result;
}

QByteArray withIdeographs(QByteArray pdf, const QHash<char16_t, char16_t> &ideographs)
{
    if (ideographs.isEmpty())
        return pdf;
    static const QByteArray begin("beginbfrange");
    static const QByteArray end("endbfrange");
    for (qsizetype block = pdf.indexOf(begin); block >= 0; block = pdf.indexOf(begin, block)) {
        const qsizetype blockEnd = pdf.indexOf(end, block);
        if (blockEnd < 0)
            break;
        // Each line: <first glyph> <last glyph> followed by one code (a single glyph, or a run
        // onto consecutive code points) or an array of codes, one per glyph.
        for (qsizetype line = pdf.indexOf('\n', block) + 1; line > 0 && line < blockEnd;) {
            qsizetype lineEnd = pdf.indexOf('\n', line);
            if (lineEnd < 0 || lineEnd > blockEnd)
                lineEnd = blockEnd;
            const QList<HexCode> codes = codesIn(pdf, line, lineEnd);
            const bool array = pdf.indexOf('[', line) >= 0 && pdf.indexOf('[', line) < lineEnd;
            const bool single = codes.size() == 3 && codes.at(0).value == codes.at(1).value;
            if (array || single) {
                for (qsizetype i = 2; i < codes.size(); ++i) {
                    const auto ideograph = ideographs.find(codes.at(i).value);
                    if (ideograph != ideographs.end())
                        writeHex(pdf, codes.at(i).digits, ideograph.value());
                }
            }
            line = lineEnd + 1;
        }
        block = blockEnd;
    }
    return pdf;
}

} // namespace PdfTextMap
