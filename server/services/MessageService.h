#pragma once

#include "ServerContext.h"

class Caller;
class ConsultationService;

// message.send: text replies, idempotent through the sender's clientMsgId; replies.discarded:
// the record of replies a shared desk discarded undelivered.
class MessageService
{
public:
    MessageService(ServerContext &context, const ConsultationService &consultations)
        : m_ctx(context)
        , m_consultations(consultations)
    {}

    Reply send(Caller &connection, const QJsonObject &params);
    Reply reportDiscarded(Caller &connection, const QJsonObject &params);

private:
    ServerContext &m_ctx;
    const ConsultationService &m_consultations;
};

QJsonObject messageResult(const Message &message, bool duplicate);
