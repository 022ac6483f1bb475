#pragma once

#include "server/storage/Records.h"
#include "server/storage/ScriptStore.h"
#include "server/storage/TranscriptStore.h"

class Caller;

// Where the services announce what changed; who hears it is the implementation's business.
// The network layer's EventHub pushes to the connections of this process; a multi-node
// server puts one that also tells the other nodes behind the same interface.
class EventFanOut
{
public:
    virtual ~EventFanOut() = default;

    virtual void consultationChanged(const QString &event, const Consultation &consultation) = 0;
    // A transfer took the consultation out of these departments.
    virtual void consultationLeft(const Consultation &consultation,
                                  const QList<qint64> &departments) = 0;
    virtual void messageCreated(const Consultation &consultation, const Message &message) = 0;
    virtual void scriptChanged(const ScriptRecord &script) = 0;
    // To everyone who sees the voice message's consultation.
    virtual void transcriptChanged(const Consultation &consultation,
                                   const VoiceTranscript &transcript) = 0;
    // The token was revoked: every other connection holding it hears session.revoked and is
    // closed (4003).
    virtual void sessionRevoked(const QString &tokenHash, const Caller *except) = 0;
};
