#pragma once

#include "ServerContext.h"

class Caller;
class ConsultationService;

// Voice clips: chunked upload (voice.begin, binary frames, voice.commit) and voice.fetch.
class VoiceService
{
public:
    VoiceService(ServerContext &context, const ConsultationService &consultations)
        : m_ctx(context)
        , m_consultations(consultations)
    {}

    Reply begin(Caller &connection, const QJsonObject &params);
    void chunk(Caller &connection, const QByteArray &frame);
    Reply commit(Caller &connection, const QJsonObject &params);
    Reply fetch(Caller &connection, const QJsonObject &params);

private:
    std::optional<ProtocolError> checkCanSend(const Principal &p, qint64 consultationId) const;
    // The longest clip this sender may send (representatives have their own limit).
    qint64 maxVoiceMs(const Principal &p) const;

    ServerContext &m_ctx;
    const ConsultationService &m_consultations;
    quint32 m_nextTransferId = 1;
};
