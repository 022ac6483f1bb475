#pragma once

#include "ServerContext.h"

#include <QHash>

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
    // The clip of a successful fetch goes out after its result, so that the client knows the
    // transfer id before the first chunk arrives.
    void sendPendingDownload(Caller &connection);

private:
    std::optional<ProtocolError> checkCanSend(const Principal &p, qint64 consultationId) const;

    ServerContext &m_ctx;
    const ConsultationService &m_consultations;
    quint32 m_nextTransferId = 1;
    QHash<const Caller *, QPair<quint32, QByteArray>> m_pendingDownloads;
};
