#pragma once

#include "ConsultationStore.h"
#include "Database.h"
#include "DirectoryStore.h"
#include "ErrorCode.h"
#include "EventFanOut.h"
#include "Expected.h"
#include "LoginThrottle.h"
#include "MessageStore.h"
#include "ScriptStore.h"
#include "ServerLimits.h"
#include "SessionStore.h"

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
        , sessions(db, tokenLifetimeMs)
        , events(fanOut)
    {}

    Database &database;
    ServerLimits limits;
    DirectoryStore directory;
    ConsultationStore consultations;
    MessageStore messages;
    ScriptStore scripts;
    SessionStore sessions;
    EventFanOut &events;
    LoginThrottle throttle;

    static qint64 now() { return QDateTime::currentMSecsSinceEpoch(); }
};

// What a request handler answers: the result object, or the error to send instead.
using Reply = Expected<QJsonObject, ProtocolError>;

inline ProtocolError internalError()
{
    return ProtocolError::make(ErrorCode::Internal,
                               QStringLiteral("the server could not store the change"));
}
