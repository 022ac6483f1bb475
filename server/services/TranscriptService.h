#pragma once

#include "ServerContext.h"

class Caller;
class ConsultationService;

// transcript.correct (docs/protocol.md section 14): a responder who sees a voice message puts
// right what the engine heard. The correction is kept beside the machine text and reaches every
// desk that sees the consultation through the transcripts stream and transcript.updated.
class TranscriptService
{
public:
    TranscriptService(ServerContext &context, const ConsultationService &consultations)
        : m_ctx(context)
        , m_consultations(consultations)
    {}

    Reply correct(Caller &connection, const QJsonObject &params);

private:
    ServerContext &m_ctx;
    const ConsultationService &m_consultations;
};
