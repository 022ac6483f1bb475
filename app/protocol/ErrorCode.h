#pragma once

#include <QJsonObject>
#include <QString>

// Error codes of protocol v1 (docs/protocol.md, section 10).
enum class ErrorCode
{
    BadRequest,
    UnknownMethod,
    UnsupportedVersion,
    HandshakeRequired,
    NotAuthenticated,
    InvalidCredentials,
    Throttled,
    TokenInvalid,
    TokenExpired,
    Forbidden,
    NotFound,
    Conflict,
    TooLarge,
    BadAudio,
    RateLimited,
    Internal,
};

QString errorCodeName(ErrorCode code);
// Unknown names map to Internal: a newer server may send codes this client does not know.
ErrorCode errorCodeFromName(const QString &name);
QStringList allErrorCodeNames();

// An error as it travels on the wire: code, an English message for logs, optional details.
struct ProtocolError
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QJsonObject details;

    static ProtocolError make(ErrorCode code, const QString &message, QJsonObject details = {})
    {
        return ProtocolError{code, message, std::move(details)};
    }
};
