#include "Message.h"

#include "FieldCount.h"
#include "JsonValues.h"

// Adding a field: map it below, then raise the count here and where else it is asserted (the
// client cache writer, the server's message rows).
static_assert(fieldCount<VoiceInfo>() == 3, "a record gained a field: map it to and from JSON");
static_assert(fieldCount<Message>() == 11, "a record gained a field: map it to and from JSON");

QJsonObject VoiceInfo::toJson() const
{
    return {{QStringLiteral("durationMs"), durationMs},
            {QStringLiteral("bytes"), bytes},
            {QStringLiteral("waveform"), waveform.isEmpty() ? QJsonValue() : QJsonValue(waveform)},
            {QStringLiteral("mime"), Message::voiceMime()}};
}

std::optional<SystemEvent> Message::systemEvent() const
{
    if (kind != MessageKind::System)
        return std::nullopt;
    return fromWireName<SystemEvent>(system.value(QLatin1String("event")).toString());
}

QJsonObject Message::toJson() const
{
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("consultationId"), consultationId},
                     {QStringLiteral("senderKind"), wireName(senderKind)},
                     {QStringLiteral("senderId"), idOrNull(senderId)},
                     {QStringLiteral("clientMsgId"),
                      clientMsgId.isEmpty() ? QJsonValue() : QJsonValue(clientMsgId)},
                     {QStringLiteral("kind"), wireName(kind)},
                     {QStringLiteral("createdAt"), createdAt},
                     {QStringLiteral("seq"), seq}};
    switch (kind) {
    case MessageKind::Text:
        json.insert(QStringLiteral("text"), text);
        break;
    case MessageKind::Voice:
        json.insert(QStringLiteral("voice"), voice.toJson());
        break;
    case MessageKind::System:
        json.insert(QStringLiteral("system"), system);
        break;
    }
    return json;
}

std::optional<Message> Message::fromJson(const QJsonObject &json)
{
    const auto senderKind =
        fromWireName<SenderKind>(json.value(QLatin1String("senderKind")).toString());
    const auto kind = fromWireName<MessageKind>(json.value(QLatin1String("kind")).toString());
    if (!senderKind || !kind)
        return std::nullopt;
    Message m;
    m.id = idOf(json.value(QLatin1String("id")));
    m.consultationId = idOf(json.value(QLatin1String("consultationId")));
    m.senderKind = *senderKind;
    m.senderId = idOf(json.value(QLatin1String("senderId")));
    m.clientMsgId = json.value(QLatin1String("clientMsgId")).toString();
    m.kind = *kind;
    m.text = json.value(QLatin1String("text")).toString();
    const QJsonObject voice = json.value(QLatin1String("voice")).toObject();
    m.voice.durationMs = voice.value(QLatin1String("durationMs")).toInteger();
    m.voice.bytes = voice.value(QLatin1String("bytes")).toInteger();
    m.voice.waveform = voice.value(QLatin1String("waveform")).toString();
    m.system = json.value(QLatin1String("system")).toObject();
    m.createdAt = json.value(QLatin1String("createdAt")).toInteger();
    m.seq = json.value(QLatin1String("seq")).toInteger();
    if (m.id <= 0 || m.consultationId <= 0)
        return std::nullopt;
    return m;
}
