#include "Transcript.h"

QString Transcript::text() const
{
    const bool chinese = language.startsWith(QLatin1String("zh"));
    QString joined;
    for (const TranscriptSegment &segment : segments) {
        const QString part = segment.text.trimmed();
        if (part.isEmpty())
            continue;
        if (!joined.isEmpty() && !chinese)
            joined += QLatin1Char(' ');
        joined += part;
    }
    return joined;
}
