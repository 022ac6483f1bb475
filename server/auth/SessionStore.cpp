#include "SessionStore.h"

#include "app/domain/Vocabulary.h"
#include "server/storage/Database.h"
#include "server/storage/Sql.h"
#include "server/storage/WriteTransaction.h"

#include <QCryptographicHash>
#include <sodium.h>

QString SessionStore::hashToken(const QString &token)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toLatin1(), QCryptographicHash::Sha256).toHex());
}

std::optional<SessionStore::Issued> SessionStore::issue(const Principal &principal, qint64 nowMs)
{
    QByteArray random(32, '\0');
    randombytes_buf(random.data(), static_cast<size_t>(random.size()));
    const QString token = QString::fromLatin1(random.toHex());
    const qint64 expiresAt =
        nowMs + (principal.kind == Principal::Kind::Representative ? m_representativeLifetimeMs
                                                                   : m_lifetimeMs);
    // A change of its own (a savepoint in the server's group): on PostgreSQL a failed statement
    // outside one would abort every other request's change in the group.
    WriteTransaction change(m_database);
    if (!change.isOpen() ||
        !SqlStatement(
             m_database,
             QStringLiteral("INSERT INTO sessions (token_hash, principal_kind, principal_id,"
                            " created_at, expires_at) VALUES (?, ?, ?, ?, ?)"),
             {hashToken(token), principal.kindName(), principal.id, nowMs, expiresAt})
             .ok() ||
        !change.commit())
        return std::nullopt;
    return Issued{token, expiresAt};
}

Expected<SessionStore::Session, ErrorCode> SessionStore::resolve(const QString &token,
                                                                 qint64 nowMs) const
{
    if (token.size() != 64)
        return ErrorCode::TokenInvalid;
    SqlStatement query(m_database,
                       QStringLiteral("SELECT principal_kind, principal_id, expires_at, revoked_at"
                                      " FROM sessions WHERE token_hash = ?"),
                       {hashToken(token)});
    if (!query.ok() || !query.next() || !query.value(3).isNull())
        return ErrorCode::TokenInvalid;
    if (query.int64(2) <= nowMs)
        return ErrorCode::TokenExpired;
    Session session;
    session.kind = fromWireName<SenderKind>(query.text(0)) == SenderKind::Responder
                       ? Principal::Kind::Responder
                       : Principal::Kind::Representative;
    session.principalId = query.int64(1);
    session.expiresAt = query.int64(2);
    return session;
}

bool SessionStore::revoke(const QString &tokenHash, qint64 nowMs)
{
    WriteTransaction change(m_database);
    // Never a seq taken outside a transaction: its counter step would commit on its own.
    return change.isOpen() &&
           SqlStatement(m_database,
                        QStringLiteral("UPDATE sessions SET revoked_at = ?, revoked_seq = ?"
                                       " WHERE token_hash = ? AND revoked_at IS NULL"),
                        {nowMs, m_database.nextSeq(), tokenHash})
               .ok() &&
           change.commit();
}
