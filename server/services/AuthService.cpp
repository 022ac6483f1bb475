#include "AuthService.h"

#include "Caller.h"
#include "app/protocol/Limits.h"
#include "app/protocol/Methods.h"
#include "app/protocol/ParamReader.h"
#include "server/auth/PasswordHasher.h"

#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>
#include <limits>

Q_LOGGING_CATEGORY(lcAuth, "consult.auth")

AuthService::AuthService(ServerContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
    , m_dummyHash(PasswordHasher::hash(QStringLiteral("not a password of anyone")))
{}

void AuthService::login(Caller &connection, const Frame &frame, Principal::Kind kind)
{
    ParamReader in(frame.payload);
    const QString user = in.requireString(QLatin1String("user"), 1, 128);
    const QString password = in.requireString(QLatin1String("password"), 1, 1024);
    if (!in.ok()) {
        connection.sendError(frame.id, in.error());
        return;
    }
    const QString account =
        (kind == Principal::Kind::Responder ? QStringLiteral("r:") : QStringLiteral("p:")) + user;
    const qint64 now = ServerContext::now();
    // Blocked by failures on any node first: then this node counts no check in flight.
    qint64 wait =
        m_ctx.sharedBlocks ? m_ctx.sharedBlocks->waitMs(account, connection.peerAddress(), now) : 0;
    if (wait == 0)
        wait = m_ctx.throttle.begin(account, connection.peerAddress(), now);
    if (wait > 0) {
        connection.sendError(frame.id,
                             ProtocolError::make(ErrorCode::Throttled,
                                                 QStringLiteral("too many failed sign-ins"),
                                                 {{QStringLiteral("retryAfterMs"), wait}}));
        return;
    }

    const auto credentials = kind == Principal::Kind::Responder
                                 ? m_ctx.directory.responderCredentials(user)
                                 : m_ctx.directory.representativeCredentials(user);
    const QString hash = credentials ? credentials->passwordHash : m_dummyHash;
    auto *watcher = new QFutureWatcher<bool>(this);
    QPointer<Caller> target(&connection);
    const QString requestId = frame.id;
    const QString address = connection.peerAddress();
    const std::optional<Principal> principal =
        credentials ? std::optional<Principal>(credentials->principal) : std::nullopt;
    connect(watcher, &QFutureWatcher<bool>::finished, this, [=] {
        watcher->deleteLater();
        const bool verified = watcher->result() && principal.has_value();
        finishLogin(target.data(), requestId, account, address,
                    verified ? principal : std::nullopt);
    });
    watcher->setFuture(
        QtConcurrent::run([hash, password] { return PasswordHasher::verify(hash, password); }));
}

void AuthService::finishLogin(Caller *connection, const QString &requestId, const QString &account,
                              const QString &address, const std::optional<Principal> &principal)
{
    const qint64 now = ServerContext::now();
    m_ctx.throttle.finish(account, address, principal.has_value(), now);
    if (m_ctx.sharedBlocks)
        m_ctx.sharedBlocks->finish(account, address, principal.has_value(), now);
    if (!connection)
        return; // the client went away while its password was being checked
    if (!principal) {
        qCInfo(lcAuth).noquote() << "failed sign-in account=" << account
                                 << "address=" << connection->peerAddress();
        connection->sendError(requestId,
                              ProtocolError::make(ErrorCode::InvalidCredentials,
                                                  QStringLiteral("wrong user name or password")));
        return;
    }
    const auto issued = m_ctx.sessions.issue(*principal, now);
    if (!issued) {
        connection->sendError(requestId, internalError());
        return;
    }
    qCInfo(lcAuth).noquote() << "sign-in account=" << account
                             << "address=" << connection->peerAddress();
    const Reply reply = signIn(*connection, *principal, issued->token, issued->expiresAt);
    connection->sendResult(requestId, reply.value());
}

Reply AuthService::signIn(Caller &connection, const Principal &principal, const QString &token,
                          qint64 expiresAt)
{
    connection.setPrincipal(principal, SessionStore::hashToken(token));
    return QJsonObject{{QStringLiteral("token"), token},
                       {QStringLiteral("expiresAt"), expiresAt},
                       {QStringLiteral("principal"), principal.toJson()}};
}

Reply AuthService::resume(Caller &connection, const QJsonObject &params)
{
    ParamReader in(params);
    // Any string that is not a live token is token_invalid, however long (section 4): the
    // length is checked here so that an absurd one is not even hashed.
    const QString token =
        in.requireString(QLatin1String("token"), 1, std::numeric_limits<int>::max());
    if (!in.ok())
        return in.error();
    if (token.size() > Limits::maxTokenChars)
        return ProtocolError::make(ErrorCode::TokenInvalid, QStringLiteral("unknown token"));
    const auto session = m_ctx.sessions.resolve(token, ServerContext::now());
    if (!session) {
        const bool expired = session.error() == ErrorCode::TokenExpired;
        return ProtocolError::make(session.error(),
                                   expired ? QStringLiteral("the session has expired")
                                           : QStringLiteral("unknown or revoked token"));
    }
    const auto principal = session->kind == Principal::Kind::Responder
                               ? m_ctx.directory.responder(session->principalId)
                               : m_ctx.directory.representative(session->principalId);
    if (!principal)
        return ProtocolError::make(ErrorCode::TokenInvalid,
                                   QStringLiteral("the account no longer exists"));
    return signIn(connection, *principal, token, session->expiresAt);
}

Reply AuthService::logout(Caller &connection, const QJsonObject &)
{
    const QString tokenHash = connection.tokenHash();
    if (!m_ctx.sessions.revoke(tokenHash, ServerContext::now()))
        return internalError();
    m_ctx.events.sessionRevoked(tokenHash, &connection);
    connection.clearPrincipal();
    return QJsonObject{};
}
