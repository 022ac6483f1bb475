#include "EventHub.h"

#include "Connection.h"
#include "app/protocol/Frame.h"
#include "app/protocol/Limits.h"
#include "app/protocol/Methods.h"
#include "server/storage/ConsultationStore.h"

void EventHub::add(Connection *connection)
{
    const Principal &p = connection->principal();
    if (p.isRepresentative()) {
        m_representatives.insert(p.id, connection);
    } else if (p.isResponder()) {
        m_departments.insert(p.departmentId, connection);
        m_responders.insert(p.id, connection);
    }
}

void EventHub::remove(Connection *connection, const Principal &as)
{
    if (as.isRepresentative()) {
        m_representatives.remove(as.id, connection);
    } else if (as.isResponder()) {
        m_departments.remove(as.departmentId, connection);
        m_responders.remove(as.id, connection);
    }
}

QSet<Connection *> EventHub::audience(const Consultation &consultation) const
{
    QSet<Connection *> targets;
    for (Connection *c : m_representatives.values(consultation.representativeId))
        targets.insert(c);
    for (Connection *c : m_departments.values(consultation.departmentId))
        targets.insert(c);
    // Responders who were ever assigned keep seeing it, wherever it went since.
    for (qint64 responderId : m_consultations.participants(consultation.id)) {
        for (Connection *c : m_responders.values(responderId))
            targets.insert(c);
    }
    return targets;
}

void EventHub::consultationChanged(const QString &event, const Consultation &consultation)
{
    const QString frame = QString::fromUtf8(
        encodeEvent(event, {{QStringLiteral("consultation"), consultation.toJson()}}));
    for (Connection *c : audience(consultation))
        c->sendText(frame);
}

void EventHub::consultationLeft(const Consultation &consultation, const QList<qint64> &departments)
{
    const QSet<Connection *> stillSeeing = audience(consultation);
    const QJsonObject data{{QStringLiteral("consultationId"), consultation.id}};
    for (qint64 department : departments) {
        for (Connection *c : m_departments.values(department)) {
            if (!stillSeeing.contains(c))
                c->sendEvent(Event::ConsultationRemoved, data);
        }
    }
}

void EventHub::messageCreated(const Consultation &consultation, const Message &message)
{
    const QString frame = QString::fromUtf8(
        encodeEvent(Event::MessageCreated, {{QStringLiteral("message"), message.toJson()}}));
    for (Connection *c : audience(consultation))
        c->sendText(frame);
}

void EventHub::scriptChanged(const ScriptRecord &script)
{
    const QString frame = QString::fromUtf8(
        encodeEvent(Event::ScriptChanged, {{QStringLiteral("script"), script.toJson()}}));
    const QList<Connection *> targets = script.isDepartment()
                                            ? m_departments.values(script.departmentId)
                                            : m_responders.values(script.ownerId);
    for (Connection *c : targets)
        c->sendText(frame);
}

void EventHub::transcriptChanged(const Consultation &consultation,
                                 const VoiceTranscript &transcript)
{
    const QString frame = QString::fromUtf8(encodeEvent(
        Event::TranscriptUpdated, {{QStringLiteral("transcript"), transcript.toJson()}}));
    for (Connection *c : audience(consultation))
        c->sendText(frame);
}

void EventHub::sessionRevoked(const QString &tokenHash, const Caller *except)
{
    for (Connection *other : holdersOf(tokenHash, except)) {
        other->sendEvent(Event::SessionRevoked, {});
        other->clearPrincipal();
        other->closeWith(CloseCode::SessionRevoked, QStringLiteral("session revoked"));
    }
}

QList<Connection *> EventHub::holdersOf(const QString &tokenHash, const Caller *except) const
{
    QList<Connection *> holders;
    for (const auto *map : {&m_representatives, &m_responders}) {
        for (Connection *c : *map) {
            if (c != except && c->tokenHash() == tokenHash)
                holders << c;
        }
    }
    return holders;
}
