#pragma once

#include "ServerContext.h"
#include "app/protocol/Frame.h"

#include <QObject>

class Caller;

// auth.login, auth.repLogin, auth.resume and auth.logout. Password checks run on the global
// thread pool so that a slow Argon2id never stalls other connections.
class AuthService : public QObject
{
    Q_OBJECT
public:
    explicit AuthService(ServerContext &context, QObject *parent = nullptr);

    void login(Caller &connection, const Frame &frame, Principal::Kind kind);
    Reply resume(Caller &connection, const QJsonObject &params);
    Reply logout(Caller &connection, const QJsonObject &params);

private:
    void finishLogin(Caller *connection, const QString &requestId, const QString &account,
                     const QString &address, const std::optional<Principal> &principal);
    Reply signIn(Caller &connection, const Principal &principal, const QString &token,
                 qint64 expiresAt);

    ServerContext &m_ctx;
    QString m_dummyHash; // verified against for unknown users, so timing does not reveal them
};
