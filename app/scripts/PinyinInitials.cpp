#include "PinyinInitials.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace {

icu::UnicodeString toIcu(QStringView text)
{
    return icu::UnicodeString(reinterpret_cast<const UChar *>(text.utf16()),
                              static_cast<int32_t>(text.size()));
}

QString fromIcu(const icu::UnicodeString &text)
{
    return QString(reinterpret_cast<const QChar *>(text.getBuffer()), text.length());
}

bool isHan(char32_t c)
{
    return QChar::script(c) == QChar::Script_Han;
}

// The character at `i` as a code point, and how many UTF-16 units it takes.
char32_t codePointAt(const QString &text, int i, int *width)
{
    *width = 1;
    if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
        *width = 2;
        return QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
    }
    return text.at(i).unicode();
}

// Letters and digits lower-cased; spaces, punctuation and symbols are not typed in a search.
void appendKept(QString &out, QStringView characters)
{
    for (char32_t c : characters.toUcs4()) {
        if (QChar::isLetterOrNumber(c))
            out += QChar::fromUcs4(QChar::toLower(c));
    }
}

} // namespace

struct PinyinInitials::Transliterator
{
    std::unique_ptr<icu::Transliterator> hanToAscii;
};

PinyinInitials::PinyinInitials()
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> hanToAscii(icu::Transliterator::createInstance(
        icu::UnicodeString(u"Han-Latin; Latin-ASCII"), UTRANS_FORWARD, status));
    if (U_SUCCESS(status) && hanToAscii)
        m_transliterator.reset(new Transliterator{std::move(hanToAscii)});
}

PinyinInitials::~PinyinInitials() = default;

QString PinyinInitials::initials(const QString &text)
{
    const auto known = m_known.constFind(text);
    if (known != m_known.constEnd())
        return *known;
    const QString result = initialsOf(text);
    m_known.insert(text, result);
    return result;
}

QString PinyinInitials::initialsOf(const QString &text) const
{
    QString out;
    if (!m_transliterator) {
        appendKept(out, text);
        return out;
    }
    for (int i = 0, width = 0; i < text.size();) {
        if (!isHan(codePointAt(text, i, &width))) {
            appendKept(out, QStringView(text).mid(i, width));
            i += width;
            continue;
        }
        const int runStart = i;
        while (i < text.size() && isHan(codePointAt(text, i, &width)))
            i += width;
        out += runInitials(QStringView(text).mid(runStart, i - runStart));
    }
    return out;
}

QString PinyinInitials::runInitials(QStringView han) const
{
    // A whole run at once: Han-Latin reads some characters by their neighbours (重庆 is chong,
    // not zhong), and writes one space-separated syllable per character.
    icu::UnicodeString latin = toIcu(han);
    m_transliterator->hanToAscii->transliterate(latin);
    QString out;
    const QString syllables = fromIcu(latin);
    for (QStringView syllable : QStringView(syllables).split(u' ', Qt::SkipEmptyParts))
        appendKept(out, syllable.left(syllable.front().isHighSurrogate() ? 2 : 1));
    return out;
}
