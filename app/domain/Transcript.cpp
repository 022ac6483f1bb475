#include "Transcript.h"

#include "FieldCount.h"

#include <QJsonObject>

static_assert(fieldCount<TranscriptWord>() == 4,
              "a record gained a field: map it to and from JSON");
static_assert(fieldCount<TranscriptSegment>() == 5,
              "a record gained a field: map it to and from JSON");

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

namespace {

QJsonValue confidenceJson(double confidence)
{
    return confidence < 0 ? QJsonValue() : QJsonValue(confidence);
}

double confidenceOf(const QJsonValue &value)
{
    return value.isDouble() ? qBound(0.0, value.toDouble(), 1.0) : -1;
}

// Start and end read together: a negative start becomes 0, an end before the start the start.
std::pair<qint64, qint64> timesOf(const QJsonObject &json)
{
    const qint64 start = qMax<qint64>(0, json.value(QLatin1String("startMs")).toInteger());
    return {start, qMax(start, json.value(QLatin1String("endMs")).toInteger())};
}

} // namespace

QJsonArray Transcript::segmentsJson() const
{
    QJsonArray out;
    for (const TranscriptSegment &segment : segments) {
        QJsonArray words;
        for (const TranscriptWord &word : segment.words)
            words.append(
                QJsonObject{{QStringLiteral("text"), word.text},
                            {QStringLiteral("startMs"), word.startMs},
                            {QStringLiteral("endMs"), word.endMs},
                            {QStringLiteral("confidence"), confidenceJson(word.confidence)}});
        out.append(QJsonObject{{QStringLiteral("startMs"), segment.startMs},
                               {QStringLiteral("endMs"), segment.endMs},
                               {QStringLiteral("text"), segment.text},
                               {QStringLiteral("confidence"), confidenceJson(segment.confidence)},
                               {QStringLiteral("words"), words}});
    }
    return out;
}

QList<TranscriptSegment> Transcript::segmentsFromJson(const QJsonArray &json)
{
    QList<TranscriptSegment> segments;
    for (const QJsonValue &value : json) {
        if (!value.isObject())
            continue;
        const QJsonObject object = value.toObject();
        TranscriptSegment segment;
        std::tie(segment.startMs, segment.endMs) = timesOf(object);
        segment.text = object.value(QLatin1String("text")).toString();
        segment.confidence = confidenceOf(object.value(QLatin1String("confidence")));
        for (const QJsonValue &w : object.value(QLatin1String("words")).toArray()) {
            if (!w.isObject())
                continue;
            const QJsonObject word = w.toObject();
            TranscriptWord parsed;
            parsed.text = word.value(QLatin1String("text")).toString();
            std::tie(parsed.startMs, parsed.endMs) = timesOf(word);
            parsed.confidence = confidenceOf(word.value(QLatin1String("confidence")));
            segment.words << parsed;
        }
        segments << segment;
    }
    return segments;
}
