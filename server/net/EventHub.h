#pragma once

#include "Records.h"
#include "ScriptStore.h"

#include <QMultiHash>
#include <QObject>

class Connection;
class ConsultationStore;
struct Principal;

// Knows which signed-in connections may see a consultation, and pushes events only to them.
class EventHub
{
public:
    explicit EventHub(ConsultationStore &consultations)
        : m_consultations(consultations)
    {}

    void add(Connection *connection);
    void remove(Connection *connection, const Principal &as);

    void consultationChanged(const QString &event, const ConsultationRecord &consultation);
    // A transfer took the consultation out of these departments: tell those of their responders
    // who can no longer see it.
    void consultationLeft(const ConsultationRecord &consultation, const QList<qint64> &departments);
    void messageCreated(const ConsultationRecord &consultation, const MessageRecord &message);
    // To the department's responders, or to the owner of a personal script.
    void scriptChanged(const ScriptRecord &script);
    // Every connection signed in with this token, except `except`.
    QList<Connection *> holdersOf(const QString &tokenHash, const Connection *except) const;

private:
    QSet<Connection *> audience(const ConsultationRecord &consultation) const;

    ConsultationStore &m_consultations;
    QMultiHash<qint64, Connection *> m_representatives; // by representative id
    QMultiHash<qint64, Connection *> m_departments;     // responders by department id
    QMultiHash<qint64, Connection *> m_responders;      // responders by id
};
