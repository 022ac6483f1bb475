#pragma once

#include "app/domain/Consultation.h"
#include "app/domain/Directory.h"
#include "app/domain/Message.h"
#include "app/domain/VoiceTranscript.h"

#include <QJsonArray>
#include <QJsonObject>
#include <optional>
#include <variant>

// A reply script as the cache keeps it: its record whole (the script library reads it with
// ReplyScript::fromJson), keyed by id, or a tombstone.
struct SyncedScript
{
    qint64 id = 0;
    QString clientId;
    bool deleted = false;
    qint64 seq = 0;
    QJsonObject record;
};

// One record of a sync stream or a live event, decoded once by the domain's codec; what the
// cache writer stores and what the live-change notice is made from.
using SyncedRecord = std::variant<Department, Responder, Representative, Proposal, Consultation,
                                  Message, SyncedScript, VoiceTranscript>;

// The record of `stream` ("consultations", "messages", … as in docs/protocol.md section 7);
// nothing for an unknown stream or a record the codec refuses.
std::optional<SyncedRecord> decodeSynced(const QString &stream, const QJsonObject &json);

// A page's items; records the codec refuses are left out and counted in `refused`.
QList<SyncedRecord> decodeSyncedPage(const QString &stream, const QJsonArray &items, int *refused);
