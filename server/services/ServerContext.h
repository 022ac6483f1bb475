#pragma once

#include "ConsultationStore.h"
#include "Database.h"
#include "DirectoryStore.h"
#include "ErrorCode.h"
#include "EventHub.h"
#include "Expected.h"
#include "LoginThrottle.h"
#include "MessageStore.h"
#include "ScriptStore.h"
#include "ServerLimits.h"
#include "SessionStore.h"

#include <QDateTime>
#include <QJsonObject>

// The stores and the event hub one server instance shares between its services.
struct ServerContext
{
    ServerContext(Database &db, qint64 tokenLifetimeMs, const ServerLimits &serverLimits)
        : database(db)
        , limits(serverLimits)
        , directory(db)
        , consultations(db)
        , messages(db)
        , scripts(db)
        , sessions(db, tokenLifetimeMs)
        , events(consultations)
    {}

    Database &database;
    ServerLimits limits;
    DirectoryStore directory;
    ConsultationStore consultations;
    MessageStore messages;
    ScriptStore scripts;
    SessionStore sessions;
    EventHub events;
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
