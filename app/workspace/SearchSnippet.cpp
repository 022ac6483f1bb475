#include "SearchSnippet.h"

#include "app/storage/SearchText.h"

namespace {
// Control characters never occur in stored text, so they can mark matches through escaping.
constexpr QChar openMark(0x01);
constexpr QChar closeMark(0x02);
constexpr int contextBefore = 30;
} // namespace

QString searchSnippet(const QString &text, const QString &query, int maxChars)
{
    QString marked = highlightMatches(QString(text).replace(u'\n', u' '), query, QString(openMark),
                                      QString(closeMark));
    const qsizetype first = marked.indexOf(openMark);
    qsizetype start = first > contextBefore ? first - contextBefore : 0;
    // Count visible characters (not marks) from start.
    qsizetype end = start;
    int visible = 0;
    while (end < marked.size() && visible < maxChars) {
        if (marked.at(end) != openMark && marked.at(end) != closeMark)
            ++visible;
        ++end;
    }
    const bool cutBefore = start > 0;
    const bool cutAfter = end < marked.size();
    QString window = marked.mid(start, end - start);
    // A match cut in two by the window still opens and closes.
    if (window.lastIndexOf(openMark) > window.lastIndexOf(closeMark))
        window += closeMark;
    if (window.indexOf(closeMark) >= 0 &&
        (window.indexOf(openMark) < 0 || window.indexOf(closeMark) < window.indexOf(openMark)))
        window.prepend(openMark);
    QString html = window.toHtmlEscaped();
    html.replace(openMark, QStringLiteral("<b>")).replace(closeMark, QStringLiteral("</b>"));
    return (cutBefore ? QStringLiteral("…") : QString()) + html +
           (cutAfter ? QStringLiteral("…") : QString());
}
