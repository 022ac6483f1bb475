#include "SearchText.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace {

// Decodes one UTF-8 code point starting at `i`; malformed bytes become U+FFFD, one byte each,
// so that arbitrary input never stalls or overreads.
char32_t decode(const unsigned char *s, int size, int i, int *length)
{
    const unsigned char c = s[i];
    int n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    if (n == 0 || i + n > size) {
        *length = 1;
        return 0xfffd;
    }
    char32_t cp = n == 1 ? c : c & (0xff >> (n + 1));
    for (int k = 1; k < n; ++k) {
        if ((s[i + k] & 0xc0) != 0x80) {
            *length = 1;
            return 0xfffd;
        }
        cp = (cp << 6) | (s[i + k] & 0x3f);
    }
    *length = n;
    return cp;
}

char32_t fold(char32_t cp)
{
    if (cp >= 0xff01 && cp <= 0xff5e) // full-width ASCII forms, common in Chinese text
        cp -= 0xfee0;
    if (cp < 0x80)
        return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    return QChar::toLower(cp);
}

bool isUnit(char32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z');
    return QChar::isLetterOrNumber(cp);
}

// Parts of a query: separated by any white space, the ideographic space (U+3000) of Chinese
// input methods included.
QStringList queryParts(const QString &query)
{
    static const QRegularExpression spaces(QStringLiteral("\\s+"),
                                           QRegularExpression::UseUnicodePropertiesOption);
    return query.split(spaces, Qt::SkipEmptyParts);
}

// Whether `needle` occurs in `units` starting at `at`: the same units, and where two of the
// needle's are joined, joined in the text too (a separator the user typed matches any).
bool runMatches(const QList<SearchUnit> &units, qsizetype at, const QList<SearchUnit> &needle)
{
    if (needle.isEmpty() || at + needle.size() > units.size())
        return false;
    for (qsizetype k = 0; k < needle.size(); ++k) {
        if (units.at(at + k).folded != needle.at(k).folded)
            return false;
        if (k + 1 < needle.size() && needle.at(k).joinsNext && !units.at(at + k).joinsNext)
            return false;
    }
    return true;
}

} // namespace

QList<SearchUnit> searchUnits(const char *utf8, int size)
{
    QList<SearchUnit> units;
    const auto *s = reinterpret_cast<const unsigned char *>(utf8);
    for (int i = 0; i < size;) {
        int length = 1;
        const char32_t cp = fold(decode(s, size, i, &length));
        if (isUnit(cp)) {
            if (!units.isEmpty() && units.last().end == i)
                units.last().joinsNext = true;
            units.append({QString::fromUcs4(&cp, 1), i, i + length, false});
        }
        i += length;
    }
    return units;
}

QList<SearchUnit> searchUnits(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return searchUnits(utf8.constData(), static_cast<int>(utf8.size()));
}

// Each token is a quoted string of folded letters and digits only, so nothing the user typed
// can reach FTS5's query syntax.
QString searchMatchExpression(const QString &userQuery)
{
    QStringList tokens;
    for (const QString &part : queryParts(userQuery)) {
        const QList<SearchUnit> units = searchUnits(part);
        for (qsizetype i = 0; i < units.size(); ++i) {
            const bool pair = units.at(i).joinsNext && i + 1 < units.size();
            const bool covered = i > 0 && units.at(i - 1).joinsNext;
            if (pair)
                tokens << QLatin1Char('"') + units.at(i).folded + units.at(i + 1).folded +
                              QLatin1Char('"');
            else if (!covered)
                tokens << QLatin1Char('"') + units.at(i).folded + QLatin1Char('"');
        }
    }
    tokens.removeDuplicates();
    return tokens.join(QLatin1Char(' '));
}

bool searchNeedsCheck(const QString &userQuery)
{
    const QStringList parts = queryParts(userQuery);
    // Two units the user separated ("3-2", "A-1") are two tokens asked for apart; only two
    // joined units are one bigram the index answers exactly.
    return std::any_of(parts.cbegin(), parts.cend(), [](const QString &part) {
        const QList<SearchUnit> units = searchUnits(part);
        return units.size() > 2 || (units.size() == 2 && !units.first().joinsNext);
    });
}

bool searchContains(const QString &text, const QString &userQuery)
{
    const QList<SearchUnit> units = searchUnits(text);
    for (const QString &part : queryParts(userQuery)) {
        const QList<SearchUnit> needle = searchUnits(part);
        bool found = needle.isEmpty();
        for (qsizetype i = 0; !found && i < units.size(); ++i)
            found = runMatches(units, i, needle);
        if (!found)
            return false;
    }
    return true;
}

QString highlightMatches(const QString &text, const QString &userQuery, const QString &open,
                         const QString &close)
{
    const QByteArray utf8 = text.toUtf8();
    const QList<SearchUnit> units = searchUnits(utf8.constData(), static_cast<int>(utf8.size()));
    QList<bool> marked(units.size(), false);
    for (const QString &part : queryParts(userQuery)) {
        const QList<SearchUnit> needle = searchUnits(part);
        // What the search found is what is marked: the same matching rule.
        for (qsizetype i = 0; i < units.size(); ++i) {
            if (!runMatches(units, i, needle))
                continue;
            for (qsizetype k = 0; k < needle.size(); ++k)
                marked[i + k] = true;
        }
    }
    QByteArray out;
    int copied = 0;
    for (qsizetype i = 0; i < units.size(); ++i) {
        if (!marked.at(i))
            continue;
        const bool opens = i == 0 || !marked.at(i - 1) || !units.at(i - 1).joinsNext;
        const bool closes = i + 1 == units.size() || !marked.at(i + 1) || !units.at(i).joinsNext;
        if (opens) {
            out += utf8.mid(copied, units.at(i).start - copied) + open.toUtf8();
            copied = units.at(i).start;
        }
        if (closes) {
            out += utf8.mid(copied, units.at(i).end - copied) + close.toUtf8();
            copied = units.at(i).end;
        }
    }
    out += utf8.mid(copied);
    return QString::fromUtf8(out);
}
