#pragma once

#include "Consultation.h"
#include "Principal.h"

// Who may do what to a consultation (docs/protocol.md section 6, "Who may do what"), as one
// pure function of the principal and the record. The server refuses requests with it
// (server/services/AccessPolicy) and the console enables its actions with it, so the two
// cannot disagree. Visibility (who may see a consultation at all) is checked before, by the
// server's store.

enum class ConsultationAction
{
    Reply, // message.send and voice.begin
    Claim,
    TransferToDepartment,
    TransferToResponder,
    Close,
    Rate,
};

struct ActionVerdict
{
    enum class Outcome
    {
        Allowed,
        Forbidden, // not this principal's to do, whatever the state
        Conflict,  // the consultation's state does not allow it now
    };
    // Why not, in terms the server's message and the console's hint are worded from.
    enum class Reason
    {
        None,
        Closed,        // it is closed
        ClaimFirst,    // waiting: claim it before replying
        NotHolder,     // a colleague holds it
        NotDepartment, // another department's
        NotWaiting,    // claimed meanwhile
        NotResponder,  // representatives do not do this
        NotAsker,      // only the representative who asked rates
        NotClosed,     // rated only once closed
        AlreadyRated,  // rated once already
    };

    Outcome outcome = Outcome::Allowed;
    Reason reason = Reason::None;

    bool allowed() const { return outcome == Outcome::Allowed; }
};

ActionVerdict judge(ConsultationAction action, const Principal &principal,
                    const Consultation &consultation);
