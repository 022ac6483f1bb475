#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

// What a live change (an event from the server, not a sync page or a history backfill) put
// into the cache, as far as someone may need telling: the alerts are raised from these, after
// the cache has stored them, so that they never announce what the cache does not hold.
struct LiveConsultation
{
    qint64 id = 0;
    qint64 departmentId = 0;
    bool waiting = false;
    bool newToCache = false; // created, or transferred in from where this officer could not see it
    QString subject;
};

struct LiveMessage
{
    qint64 id = 0;
    qint64 consultationId = 0;
    bool fromRepresentative = false;
    bool voice = false;
    QString text;
};

struct LiveChange
{
    QList<LiveConsultation> consultations;
    QList<LiveMessage> messages;
};

Q_DECLARE_METATYPE(LiveChange)
