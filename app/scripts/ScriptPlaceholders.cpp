#include "ScriptPlaceholders.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace {

// Longer names in braces are ordinary text (a sentence someone put in braces), not a
// placeholder that went unfilled.
constexpr int maxNameChars = 24;

enum class Field
{
    RepresentativeName,
    RepresentativeTitle,
    DelegationOrSector,
    Department,
    Responder,
    Date,
    Number
};

struct Name
{
    QStringView chinese;
    QLatin1String english;
    Field field;
    const char *description; // null: an alias, not offered in the editor's menu
};

const Name names[] = {
    {u"代表姓名", QLatin1String("name"), Field::RepresentativeName,
     QT_TRANSLATE_NOOP("ScriptPlaceholders", "Representative's name")},
    {u"称谓", QLatin1String("title"), Field::RepresentativeTitle,
     QT_TRANSLATE_NOOP("ScriptPlaceholders", "Form of address (deputy or member)")},
    {u"代表团", QLatin1String("delegation"), Field::DelegationOrSector,
     QT_TRANSLATE_NOOP("ScriptPlaceholders", "Delegation or sector")},
    // CPPCC members belong to a sector, not a delegation; officers write what fits the reader.
    {u"界别", QLatin1String("sector"), Field::DelegationOrSector, nullptr},
    {u"部门", QLatin1String("department"), Field::Department,
     QT_TRANSLATE_NOOP("ScriptPlaceholders", "Your department")},
    {u"承办人", QLatin1String("responder"), Field::Responder,
     QT_TRANSLATE_NOOP("ScriptPlaceholders", "Your name")},
    {u"日期", QLatin1String("date"), Field::Date,
     QT_TRANSLATE_NOOP("ScriptPlaceholders", "Today's date")},
    {u"编号", QLatin1String("number"), Field::Number,
     QT_TRANSLATE_NOOP("ScriptPlaceholders", "Consultation number")},
};

bool isNameChar(char32_t c)
{
    return QChar::isLetterOrNumber(c) || c == u'_' || c == u'.' || c == u'-' || c == u' ';
}

// The length of the placeholder-shaped span that starts with the brace at `from`, or 0.
int spanAt(const QString &text, int from)
{
    int chars = 0;
    bool blank = true;
    for (int i = from + 1; i < text.size();) {
        if (text.at(i) == u'}')
            return blank ? 0 : i + 1 - from; // "{}" and "{ }" hold no name
        char32_t c = text.at(i).unicode();
        int width = 1;
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() &&
            text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            width = 2;
        }
        if (!isNameChar(c) || ++chars > maxNameChars)
            return 0;
        blank = blank && c == u' ';
        i += width;
    }
    return 0;
}

const Name *nameOf(QStringView span)
{
    const QStringView name = span.mid(1, span.size() - 2).trimmed();
    for (const Name &known : names) {
        if (name == known.chinese || name.compare(known.english, Qt::CaseInsensitive) == 0)
            return &known;
    }
    return nullptr;
}

bool hasHan(const QString &text)
{
    const QList<uint> characters = text.toUcs4();
    return std::any_of(characters.begin(), characters.end(),
                       [](uint c) { return QChar::script(c) == QChar::Script_Han; });
}

// The date in the language of the script it goes into, not of the interface: replies to
// representatives are Chinese, and an English script should not get Chinese date characters.
QString dateText(const QDate &today, bool chinese)
{
    if (!today.isValid())
        return {};
    if (chinese)
        return today.toString(QStringLiteral("yyyy年M月d日"));
    return QLocale(QLocale::English).toString(today, QStringLiteral("d MMMM yyyy"));
}

QString valueOf(Field field, const PlaceholderContext &context, bool chinese)
{
    switch (field) {
    case Field::RepresentativeName:
        return context.representativeName;
    case Field::RepresentativeTitle:
        return context.representativeTitle;
    case Field::DelegationOrSector:
        return context.delegationOrSector;
    case Field::Department:
        return context.department;
    case Field::Responder:
        return context.responderName;
    case Field::Date:
        return dateText(context.today, chinese);
    case Field::Number:
        return context.consultationNumber;
    }
    return {};
}

} // namespace

namespace ScriptPlaceholders {

QList<Placeholder> known()
{
    QList<Placeholder> list;
    for (const Name &name : names) {
        if (!name.description)
            continue;
        list.append({name.chinese.toString(), QString(name.english),
                     QCoreApplication::translate("ScriptPlaceholders", name.description)});
    }
    return list;
}

FilledScript fill(const QString &body, const PlaceholderContext &context)
{
    const bool chinese = hasHan(body);
    FilledScript filled;
    int copied = 0;
    for (const auto &[offset, length] : spans(body)) {
        const QStringView span = QStringView(body).mid(offset, length);
        const Name *name = nameOf(span);
        const QString value = name ? valueOf(name->field, context, chinese) : QString();
        if (value.isEmpty()) {
            if (!filled.unfilled.contains(span))
                filled.unfilled.append(span.toString());
            continue;
        }
        filled.text += QStringView(body).mid(copied, offset - copied);
        filled.text += value;
        copied = offset + length;
    }
    filled.text += QStringView(body).mid(copied);
    return filled;
}

QList<QPair<int, int>> spans(const QString &text)
{
    QList<QPair<int, int>> found;
    int from = 0;
    while ((from = text.indexOf(u'{', from)) >= 0) {
        const int length = spanAt(text, from);
        if (length > 0)
            found.append({from, length});
        from += std::max(length, 1);
    }
    return found;
}

} // namespace ScriptPlaceholders
