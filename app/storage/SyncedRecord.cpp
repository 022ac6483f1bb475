#include "SyncedRecord.h"

#include "app/protocol/Methods.h"

namespace {
template<typename Record> std::optional<SyncedRecord> decoded(const std::optional<Record> &record)
{
    if (!record)
        return std::nullopt;
    return SyncedRecord(*record);
}
} // namespace

std::optional<SyncedRecord> decodeSynced(const QString &stream, const QJsonObject &json)
{
    const auto kind = Stream::kind(stream);
    if (!kind)
        return std::nullopt;
    switch (*kind) {
    case Stream::Kind::Departments:
        return decoded(Department::fromJson(json));
    case Stream::Kind::Responders:
        return decoded(Responder::fromJson(json));
    case Stream::Kind::Representatives:
        return decoded(Representative::fromJson(json));
    case Stream::Kind::Proposals:
        return decoded(Proposal::fromJson(json));
    case Stream::Kind::Consultations:
        return decoded(Consultation::fromJson(json));
    case Stream::Kind::Messages:
        return decoded(Message::fromJson(json));
    case Stream::Kind::Transcripts:
        return decoded(VoiceTranscript::fromJson(json));
    case Stream::Kind::Scripts: {
        const qint64 id = json.value(QLatin1String("id")).toInteger();
        if (id <= 0)
            return std::nullopt;
        return SyncedRecord(SyncedScript{id, json.value(QLatin1String("clientId")).toString(),
                                         json.value(QLatin1String("deleted")).toBool(),
                                         json.value(QLatin1String("seq")).toInteger(), json});
    }
    }
    return std::nullopt;
}

QList<SyncedRecord> decodeSyncedPage(const QString &stream, const QJsonArray &items, int *refused)
{
    QList<SyncedRecord> records;
    records.reserve(items.size());
    *refused = 0;
    for (const QJsonValue &item : items) {
        if (auto record = decodeSynced(stream, item.toObject()))
            records.append(std::move(*record));
        else
            ++*refused;
    }
    return records;
}
