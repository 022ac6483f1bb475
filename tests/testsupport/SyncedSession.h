#pragma once

// A responder's session synced from the real server, as the workspace tests start from it.
#include "IntegrationFixture.h"
#include "app/session/AccountSession.h"

#include <QSignalSpy>
#include <memory>

// The server with its request rate limit lifted: these tests send hundreds of messages at once.
inline QStringList unthrottledServer()
{
    return {QStringLiteral("--rate"), QStringLiteral("100000"), QStringLiteral("--burst"),
            QStringLiteral("100000")};
}

// Signed in as `login`, started in `dataFolder`, first sync finished; null if any step failed.
inline std::unique_ptr<AccountSession>
syncedSession(IntegrationFixture &fx, const QString &dataFolder, const QString &login)
{
    auto client = fx.responder(login);
    if (!client)
        return nullptr;
    auto session = std::make_unique<AccountSession>(Account{fx.server.url(), login}, dataFolder,
                                                    QList<QUrl>{fx.server.url()});
    QSignalSpy synced(session.get(), &AccountSession::syncFinished);
    if (!session->start(client->token()) || !synced.wait(30000))
        return nullptr;
    return session;
}
