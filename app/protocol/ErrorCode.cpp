#include "ErrorCode.h"

#include <array>
#include <utility>

namespace {
constexpr std::array<std::pair<ErrorCode, const char *>, 16> kNames{{
    {ErrorCode::BadRequest, "bad_request"},
    {ErrorCode::UnknownMethod, "unknown_method"},
    {ErrorCode::UnsupportedVersion, "unsupported_version"},
    {ErrorCode::HandshakeRequired, "handshake_required"},
    {ErrorCode::NotAuthenticated, "not_authenticated"},
    {ErrorCode::InvalidCredentials, "invalid_credentials"},
    {ErrorCode::Throttled, "throttled"},
    {ErrorCode::TokenInvalid, "token_invalid"},
    {ErrorCode::TokenExpired, "token_expired"},
    {ErrorCode::Forbidden, "forbidden"},
    {ErrorCode::NotFound, "not_found"},
    {ErrorCode::Conflict, "conflict"},
    {ErrorCode::TooLarge, "too_large"},
    {ErrorCode::BadAudio, "bad_audio"},
    {ErrorCode::RateLimited, "rate_limited"},
    {ErrorCode::Internal, "internal"},
}};
} // namespace

QString errorCodeName(ErrorCode code)
{
    for (const auto &[c, name] : kNames) {
        if (c == code)
            return QLatin1String(name);
    }
    return QStringLiteral("internal");
}

ErrorCode errorCodeFromName(const QString &name)
{
    for (const auto &[c, n] : kNames) {
        if (name == QLatin1String(n))
            return c;
    }
    return ErrorCode::Internal;
}

QStringList allErrorCodeNames()
{
    QStringList names;
    for (const auto &entry : kNames)
        names << QLatin1String(entry.second);
    return names;
}
