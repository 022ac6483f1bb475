#pragma once

#include "app/protocol/ErrorCode.h"

#include <QtGlobal>

struct Frame;

// How a durable queue treats a refused or unanswered request: which errors no resend can fix,
// which need a new sign-in, and how long to wait before trying the same item again. The wait
// doubles from `baseDelayMs` up to `maxDelayMs`, each wait drawn at random within ±`jitter`
// of its nominal value so that a hundred consoles behind one link do not come back in step
// after an outage; a server's `retryAfterMs` (rate_limited) is never undercut.
struct RetryPolicy
{
    enum class Verdict
    {
        Permanent,   // the item is refused for good; the user decides what to do with it
        NeedsSignIn, // stop until the session is signed in again, then resend
        Transient    // try the same item again after delayMs()
    };

    int baseDelayMs = 1000;
    int maxDelayMs = 60 * 1000;
    double jitter = 0.2;

    static Verdict classify(ErrorCode code);
    // attempt: 1 for the first retry. random01: a uniformly random number in [0, 1).
    int delayMs(int attempt, const Frame &reply, double random01) const;
};
