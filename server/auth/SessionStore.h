#pragma once

#include "app/core/Expected.h"
#include "app/domain/Principal.h"
#include "app/protocol/ErrorCode.h"

#include <QSqlDatabase>

class Database;

// Session tokens: 32 random bytes handed out as hex; only their SHA-256 is stored, so a copy of
// the database does not let anyone sign in.
class SessionStore
{
public:
    struct Session
    {
        Principal::Kind kind = Principal::Kind::None;
        qint64 principalId = 0;
        qint64 expiresAt = 0;
    };
    struct Issued
    {
        QString token;
        qint64 expiresAt = 0;
    };

    SessionStore(Database &database, qint64 lifetimeMs, qint64 representativeLifetimeMs)
        : m_database(database)
        , m_lifetimeMs(lifetimeMs)
        , m_representativeLifetimeMs(representativeLifetimeMs)
    {}

    std::optional<Issued> issue(const Principal &principal, qint64 nowMs);
    Expected<Session, ErrorCode> resolve(const QString &token, qint64 nowMs) const;
    bool revoke(const QString &tokenHash, qint64 nowMs); // takes hashToken(token)

    static QString hashToken(const QString &token);

private:
    Database &m_database;
    qint64 m_lifetimeMs;
    qint64 m_representativeLifetimeMs;
};
