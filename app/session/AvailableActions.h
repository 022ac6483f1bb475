#pragma once

#include "app/domain/Consultation.h"
#include "app/domain/Principal.h"

// What the signed-in officer may do with one consultation right now, and why not: the domain's
// rules (app/domain/ConsultationRules.h, the same the server refuses requests with) with the
// connection taken into account. Claim, transfer and close need the server's decision at that
// moment, so they are offered online only; replies are queued offline.
struct AvailableActions
{
    // Why the reply box is closed, for the hint it shows.
    enum class ReplyBlock
    {
        None, // the officer may reply
        ClaimFirst,
        HeldByColleague,
        OtherDepartment, // transferred away: it waits in another department's queue
        Closed,
    };

    bool claim = false;
    bool transfer = false; // to a department or to a person
    bool close = false;
    bool reply = false;
    ReplyBlock replyBlock = ReplyBlock::None;
    // Claim, transfer or close would be allowed, but the console is offline.
    bool waitsForConnection = false;

    static AvailableActions of(const Principal &officer, const Consultation &consultation,
                               bool online);
};
