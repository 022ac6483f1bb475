#include "VoiceTranscript.h"

#include "FieldCount.h"
#include "JsonValues.h"

static_assert(fieldCount<VoiceTranscript>() == 11,
              "a record gained a field: map it to and from JSON");

QJsonObject VoiceTranscript::toJson() const
{
    const QJsonValue correction =
        isCorrected() ? QJsonValue(QJsonObject{{QStringLiteral("text"), correctedText},
                                               {QStringLiteral("by"), idOrNull(correctedBy)},
                                               {QStringLiteral("at"), correctedAt}})
                      : QJsonValue();
    return {{QStringLiteral("messageId"), messageId},
            {QStringLiteral("consultationId"), consultationId},
            {QStringLiteral("state"), wireName(state)},
            {QStringLiteral("engine"), machine.engineId},
            {QStringLiteral("language"), machine.language},
            {QStringLiteral("text"), machineText()},
            {QStringLiteral("segments"), machine.segmentsJson()},
            {QStringLiteral("failure"), failure},
            {QStringLiteral("correction"), correction},
            {QStringLiteral("revision"), revision},
            {QStringLiteral("updatedAt"), updatedAt},
            {QStringLiteral("seq"), seq}};
}

std::optional<VoiceTranscript> VoiceTranscript::fromJson(const QJsonObject &json)
{
    const auto state = fromWireName<TranscriptState>(json.value(QLatin1String("state")).toString());
    const qint64 messageId = idOf(json.value(QLatin1String("messageId")));
    if (!state || messageId <= 0)
        return std::nullopt;
    VoiceTranscript t;
    t.messageId = messageId;
    t.consultationId = idOf(json.value(QLatin1String("consultationId")));
    t.state = *state;
    t.machine.engineId = json.value(QLatin1String("engine")).toString();
    t.machine.language = json.value(QLatin1String("language")).toString();
    t.machine.segments =
        Transcript::segmentsFromJson(json.value(QLatin1String("segments")).toArray());
    // A record from an engine that gives text without segments still reads: one segment.
    const QString text = json.value(QLatin1String("text")).toString();
    if (t.machine.segments.isEmpty() && !text.isEmpty())
        t.machine.segments << TranscriptSegment{0, 0, text, -1, {}};
    t.failure = json.value(QLatin1String("failure")).toString();
    const QJsonObject correction = json.value(QLatin1String("correction")).toObject();
    t.correctedText = correction.value(QLatin1String("text")).toString();
    t.correctedBy = idOf(correction.value(QLatin1String("by")));
    t.correctedAt = correction.value(QLatin1String("at")).toInteger();
    t.revision = json.value(QLatin1String("revision")).toInt();
    t.updatedAt = json.value(QLatin1String("updatedAt")).toInteger();
    t.seq = json.value(QLatin1String("seq")).toInteger();
    return t;
}
