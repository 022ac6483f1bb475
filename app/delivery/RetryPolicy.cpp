#include "RetryPolicy.h"

#include "app/protocol/Frame.h"

#include <algorithm>
#include <cmath>

RetryPolicy::Verdict RetryPolicy::classify(ErrorCode code)
{
    switch (code) {
    case ErrorCode::BadRequest:
    case ErrorCode::Forbidden:
    case ErrorCode::NotFound:
    case ErrorCode::Conflict:
    case ErrorCode::TooLarge:
    case ErrorCode::UnknownMethod:
    case ErrorCode::BadAudio:
    case ErrorCode::InvalidCredentials:
        return Verdict::Permanent;
    case ErrorCode::NotAuthenticated:
    case ErrorCode::TokenInvalid:
    case ErrorCode::TokenExpired:
        return Verdict::NeedsSignIn;
    default:
        // rate_limited, internal, throttled, a lost connection, and codes of later versions:
        // time may cure them.
        return Verdict::Transient;
    }
}

int RetryPolicy::delayMs(int attempt, const Frame &reply, double random01) const
{
    const int doublings = std::clamp(attempt - 1, 0, 30);
    const double nominal =
        std::min(double(maxDelayMs), double(baseDelayMs) * std::pow(2.0, doublings));
    const double spread = 1.0 + jitter * (2.0 * std::clamp(random01, 0.0, 1.0) - 1.0);
    const int drawn = int(std::lround(std::min(double(maxDelayMs), nominal * spread)));
    return std::max(drawn, retryDelayMs(reply, 0));
}
