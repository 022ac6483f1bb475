#pragma once

#include "ServerProcess.h"
#include "TestClient.h"
#include "TestDatabase.h"
#include "server/demo/DemoCatalog.h"

#include <QTemporaryDir>
#include <memory>

// A real server on loopback over a small seeded database, and helpers to sign people in.
class IntegrationFixture
{
public:
    explicit IntegrationFixture(QStringList serverArguments = {})
        : server(std::move(serverArguments))
    {}

    bool start()
    {
        if (!dir.isValid())
            return false;
        location = TestDatabase::newLocation(dir.path());
        catalog = TestDatabase::create(location);
        cast = castFrom(catalog);
        return server.start(location);
    }

    std::unique_ptr<TestClient> responder(const QString &login)
    {
        auto client = std::make_unique<TestClient>(server.url());
        if (!client->connectAndHello() || !client->login(login, demoResponderPassword()))
            return nullptr;
        return client;
    }

    std::unique_ptr<TestClient> representative(const QString &login)
    {
        auto client = std::make_unique<TestClient>(server.url());
        if (!client->connectAndHello() || !client->repLogin(login, demoRepresentativePassword()))
            return nullptr;
        return client;
    }

    QTemporaryDir dir;
    QString location; // the server's database: a file in dir, or a PostgreSQL URI
    ServerProcess server;
    DemoCatalog catalog;
    TestCast cast;
};
