#pragma once

#include "server/services/EventFanOut.h"
#include "server/storage/ConsultationStore.h"
#include "server/storage/Records.h"
#include "server/storage/ScriptStore.h"

#include <QMultiHash>
#include <QObject>

class Connection;
struct Principal;

// Knows which signed-in connections of this process may see a consultation, and pushes events
// only to them.
class EventHub : public EventFanOut
{
public:
    // Its own store over the server's database: who was ever assigned a consultation.
    explicit EventHub(Database &database)
        : m_consultations(database)
    {}

    void add(Connection *connection);
    void remove(Connection *connection, const Principal &as);

    void consultationChanged(const QString &event, const Consultation &consultation) override;
    // Tells those of the departments' responders who can no longer see it.
    void consultationLeft(const Consultation &consultation,
                          const QList<qint64> &departments) override;
    void messageCreated(const Consultation &consultation, const Message &message) override;
    // To the department's responders, or to the owner of a personal script.
    void scriptChanged(const ScriptRecord &script) override;
    void transcriptChanged(const Consultation &consultation,
                           const VoiceTranscript &transcript) override;
    void sessionRevoked(const QString &tokenHash, const Caller *except) override;

private:
    // Every connection signed in with this token, except `except`.
    QList<Connection *> holdersOf(const QString &tokenHash, const Caller *except) const;
    QSet<Connection *> audience(const Consultation &consultation) const;

    ConsultationStore m_consultations;
    QMultiHash<qint64, Connection *> m_representatives; // by representative id
    QMultiHash<qint64, Connection *> m_departments;     // responders by department id
    QMultiHash<qint64, Connection *> m_responders;      // responders by id
};
