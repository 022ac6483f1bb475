#pragma once

#include "EventFanOut.h"
#include "TranscriptionQueue.h"
#include "app/core/Expected.h"
#include "app/protocol/ErrorCode.h"
#include "server/auth/LoginThrottle.h"
#include "server/auth/SessionStore.h"
#include "server/auth/SharedLoginBlocks.h"
#include "server/services/ServerLimits.h"
#include "server/stats/StatsRollups.h"
#include "server/storage/ConsultationStore.h"
#include "server/storage/Database.h"
#include "server/storage/DirectoryStore.h"
#include "server/storage/DiscardedReplyStore.h"
#include "server/storage/MessageStore.h"
#include "server/storage/ScriptStore.h"
#include "server/storage/TranscriptStore.h"

#include <QDateTime>
#include <QJsonObject>

// The stores one server instance shares between its services, and where they announce
// changes.
struct ServerContext
{
    ServerContext(Database &db, qint64 tokenLifetimeMs, const ServerLimits &serverLimits,
                  EventFanOut &fanOut)
        : database(db)
        , limits(serverLimits)
        , directory(db)
        , consultations(db)
        , messages(db)
        , scripts(db)
        , transcripts(db)
        , discarded(db)
        , sessions(db, tokenLifetimeMs, serverLimits.representativeTokenLifetimeMs)
        , stats(db, serverLimits.statsTimeZone.isEmpty() ? QTimeZone::systemTimeZone()
                                                         : QTimeZone(serverLimits.statsTimeZone))
        , events(fanOut)
    {}

    Database &database;
    ServerLimits limits;
    DirectoryStore directory;
    ConsultationStore consultations;
    MessageStore messages;
    ScriptStore scripts;
    TranscriptStore transcripts;
    DiscardedReplyStore discarded;
    SessionStore sessions;
    StatsRollups stats;
    EventFanOut &events;
    LoginThrottle throttle;
    // Set when several nodes may share the database (PostgreSQL); null otherwise.
    SharedLoginBlocks *sharedBlocks = nullptr;
    // Set when the server transcribes voice messages itself; null otherwise.
    TranscriptionQueue *transcription = nullptr;

    static qint64 now() { return QDateTime::currentMSecsSinceEpoch(); }
};

// What a request handler answers: the result object, or the error to send instead.
using Reply = Expected<QJsonObject, ProtocolError>;

inline ProtocolError internalError()
{
    return ProtocolError::make(ErrorCode::Internal,
                               QStringLiteral("the server could not store the change"));
}
