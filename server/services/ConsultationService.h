#pragma once

#include "ServerContext.h"

#include <functional>

class Caller;

// consultation.create / claim / transfer / close / rate and messages.history.
class ConsultationService
{
public:
    explicit ConsultationService(ServerContext &context)
        : m_ctx(context)
    {}

    Reply create(Caller &connection, const QJsonObject &params);
    Reply claim(Caller &connection, const QJsonObject &params);
    Reply transfer(Caller &connection, const QJsonObject &params);
    Reply close(Caller &connection, const QJsonObject &params);
    Reply rate(Caller &connection, const QJsonObject &params);
    Reply history(Caller &connection, const QJsonObject &params);

    // The consultation if the principal may see it, else not_found / forbidden.
    Expected<Consultation, ProtocolError> visible(const Principal &principal, qint64 id) const;

private:
    // One state change (a compare-and-set in the store) and its timeline entry, committed
    // together; then everyone who may see the consultation is told.
    Reply applyChange(qint64 id, const std::function<bool()> &change,
                      const QJsonObject &systemPayload, qint64 now);
    // Re-reads the consultation after a committed change and tells everyone who may see it.
    Reply announce(qint64 id, const std::optional<Message> &systemMessage);

    ServerContext &m_ctx;
};
