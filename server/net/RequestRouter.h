#pragma once

#include "app/protocol/Frame.h"
#include "server/services/AuthService.h"
#include "server/services/ConsultationService.h"
#include "server/services/MessageService.h"
#include "server/services/ScriptService.h"
#include "server/services/StatsService.h"
#include "server/services/SyncService.h"
#include "server/services/TranscriptService.h"
#include "server/services/VoiceService.h"

#include <QHash>
#include <functional>

class Caller;
class Connection;

// Turns decoded requests into service calls: enforces the handshake and sign-in, routes by
// method name and sends the reply.
class RequestRouter
{
public:
    explicit RequestRouter(ServerContext &context);

    void handle(Connection &connection, const Frame &frame);
    void handleBinary(Connection &connection, const QByteArray &bytes);

private:
    using Handler = std::function<Reply(Caller &, const QJsonObject &)>;

    void hello(Connection &connection, const Frame &frame);
    void registerHandlers();

    ServerContext &m_ctx;
    AuthService m_auth;
    SyncService m_sync;
    ConsultationService m_consultations;
    MessageService m_messages;
    VoiceService m_voice;
    ScriptService m_scripts;
    StatsService m_stats;
    TranscriptService m_transcripts;
    QHash<QString, Handler> m_handlers; // need a signed-in principal
};
