// Handshake, sign-in, throttling, tokens and sign-out against the real server.
#include "IntegrationFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QWebSocket>
#include <QtTest>

class TestAuth : public QObject
{
    Q_OBJECT
private:
    IntegrationFixture fx;

private Q_SLOTS:
    void initTestCase() { QVERIFY(fx.start()); }
    void cleanupTestCase() { QVERIFY(fx.server.stop()); }

    void unsupportedVersionIsRefusedClearly()
    {
        TestClient client(fx.server.url());
        QVERIFY(client.open());
        const Frame reply =
            client.call(QStringLiteral("hello"), {{QStringLiteral("versions"), QJsonArray{2, 3}}});
        QCOMPARE(reply.type, Frame::Type::Error);
        QCOMPARE(reply.errorCode, ErrorCode::UnsupportedVersion);
        QCOMPARE(reply.payload.value(QLatin1String("supported")).toArray(), QJsonArray{1});
        QCOMPARE(client.waitForClose().value_or(0), 4001);
    }

    void requestsBeforeHelloAreRefused()
    {
        TestClient client(fx.server.url());
        QVERIFY(client.open());
        const Frame reply = client.call(QStringLiteral("auth.login"),
                                        {{QStringLiteral("user"), fx.cast.responderA1},
                                         {QStringLiteral("password"), demoResponderPassword()}});
        QCOMPARE(reply.errorCode, ErrorCode::HandshakeRequired);
        QCOMPARE(client.waitForClose().value_or(0), 4001);
    }

    void illTypedVersionsAreABadRequest()
    {
        TestClient client(fx.server.url());
        QVERIFY(client.open());
        QCOMPARE(client.fails(QStringLiteral("hello"),
                              {{QStringLiteral("versions"), QStringLiteral("1")}}),
                 QStringLiteral("bad_request"));
        QVERIFY(client.hello()); // and the connection may still greet properly
    }

    void binaryFramesBeforeHelloAreRefused()
    {
        TestClient client(fx.server.url());
        QVERIFY(client.open());
        client.sendBinary(QByteArray("VCH1\0\0\0\1\0\0\0\0data", 16));
        const auto error = client.waitForUnmatchedError();
        QVERIFY(error);
        QCOMPARE(error->errorCode, ErrorCode::HandshakeRequired);
        QCOMPARE(client.waitForClose().value_or(0), 4001);
    }

    void guessesFiredAtOnceGainNothing()
    {
        TestClient client(fx.server.url());
        QVERIFY(client.connectAndHello());
        int wrong = 0;
        int throttled = 0;
        for (int i = 0; i < 30; ++i) {
            client.client().request(
                QStringLiteral("auth.repLogin"),
                {{QStringLiteral("user"), fx.cast.rep2},
                 {QStringLiteral("password"), QStringLiteral("guess%1").arg(i)}},
                [&](const Frame &f) {
                    wrong += f.errorCode == ErrorCode::InvalidCredentials;
                    throttled += f.errorCode == ErrorCode::Throttled;
                });
        }
        QTRY_COMPARE_WITH_TIMEOUT(wrong + throttled, 30, 20000);
        QCOMPARE(wrong, 5); // exactly the threshold's worth of passwords was ever checked
        QVERIFY(client.login(fx.cast.leadA, demoResponderPassword())); // resets the address
    }

    void methodsNeedASignedInPrincipal()
    {
        TestClient client(fx.server.url());
        QVERIFY(client.connectAndHello());
        QCOMPARE(client.fails(QStringLiteral("sync.pull"),
                              {{QStringLiteral("stream"), QStringLiteral("departments")}}),
                 QStringLiteral("not_authenticated"));
        QCOMPARE(client.fails(QStringLiteral("consultation.claim"),
                              {{QStringLiteral("consultationId"), 1}}),
                 QStringLiteral("not_authenticated"));
    }

    void wrongPasswordAndUnknownUserLookTheSame()
    {
        TestClient client(fx.server.url());
        QVERIFY(client.connectAndHello());
        QCOMPARE(client.fails(QStringLiteral("auth.login"),
                              {{QStringLiteral("user"), fx.cast.responderA2},
                               {QStringLiteral("password"), QStringLiteral("wrong")}}),
                 QStringLiteral("invalid_credentials"));
        QCOMPARE(client.fails(QStringLiteral("auth.login"),
                              {{QStringLiteral("user"), QStringLiteral("nobody.9")},
                               {QStringLiteral("password"), QStringLiteral("wrong")}}),
                 QStringLiteral("invalid_credentials"));
        QVERIFY(client.login(fx.cast.responderA2, demoResponderPassword()));
        QCOMPARE(client.principal().value(QLatin1String("departmentId")).toInteger(),
                 fx.cast.deptA);
        QCOMPARE(client.token().size(), 64);
    }

    void repeatedFailuresThrottleTheAccount()
    {
        TestClient client(fx.server.url());
        QVERIFY(client.connectAndHello());
        const QString victim = fx.cast.responderB;
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(client.fails(QStringLiteral("auth.login"),
                                  {{QStringLiteral("user"), victim},
                                   {QStringLiteral("password"), QStringLiteral("guess%1").arg(i)}}),
                     QStringLiteral("invalid_credentials"));
        }
        // Even the right password is refused now, without being checked.
        const Frame reply = client.call(QStringLiteral("auth.login"),
                                        {{QStringLiteral("user"), victim},
                                         {QStringLiteral("password"), demoResponderPassword()}});
        QCOMPARE(reply.errorCode, ErrorCode::Throttled);
        const qint64 retryAfter = reply.payload.value(QLatin1String("retryAfterMs")).toInteger();
        QVERIFY(retryAfter > 20000 && retryAfter <= 30000);
        // Other accounts are not affected.
        TestClient other(fx.server.url());
        QVERIFY(other.connectAndHello());
        QVERIFY(other.login(fx.cast.leadA, demoResponderPassword()));
    }

    void resumeWithTokenAndLogoutRevokesEverywhere()
    {
        auto first = fx.responder(fx.cast.responderA1);
        QVERIFY(first);
        const QString token = first->token();
        TestClient second(fx.server.url());
        QVERIFY(second.connectAndHello());
        const QJsonObject resumed =
            second.ok(QStringLiteral("auth.resume"), {{QStringLiteral("token"), token}});
        QCOMPARE(resumed.value(QLatin1String("principal"))
                     .toObject()
                     .value(QLatin1String("id"))
                     .toInteger(),
                 fx.cast.responderA1Id);
        second.ok(QStringLiteral("sync.pull"),
                  {{QStringLiteral("stream"), QStringLiteral("departments")}});

        first->ok(QStringLiteral("auth.logout"));
        QVERIFY(second.waitForEvent(QStringLiteral("session.revoked")));
        QCOMPARE(second.waitForClose().value_or(0), 4003);
        QCOMPARE(first->fails(QStringLiteral("sync.pull"),
                              {{QStringLiteral("stream"), QStringLiteral("departments")}}),
                 QStringLiteral("not_authenticated"));
        TestClient third(fx.server.url());
        QVERIFY(third.connectAndHello());
        QCOMPARE(third.fails(QStringLiteral("auth.resume"), {{QStringLiteral("token"), token}}),
                 QStringLiteral("token_invalid"));
        QCOMPARE(third.fails(QStringLiteral("auth.resume"),
                             {{QStringLiteral("token"), QString(64, QLatin1Char('a'))}}),
                 QStringLiteral("token_invalid"));
    }

    void tokensAndPasswordsAreNotStoredInTheClear()
    {
        auto client = fx.responder(fx.cast.leadA);
        QVERIFY(client);
        {
            QSqlDatabase db =
                TestDatabase::inspect(fx.server.databasePath(), QStringLiteral("inspect"));
            QVERIFY(db.isOpen());
            QSqlQuery hashes(db);
            QVERIFY(hashes.exec(QStringLiteral("SELECT password_hash FROM responders LIMIT 1")));
            QVERIFY(hashes.next());
            QVERIFY(hashes.value(0).toString().startsWith(QLatin1String("$argon2id$")));
            QSqlQuery tokens(db);
            QVERIFY(tokens.prepare(
                QStringLiteral("SELECT COUNT(*) FROM sessions WHERE token_hash = ?")));
            tokens.addBindValue(client->token());
            QVERIFY(tokens.exec());
            QVERIFY(tokens.next());
            QCOMPARE(tokens.value(0).toInt(), 0);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("inspect"));
        for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
            QFile file(fx.server.databasePath() + suffix);
            if (file.open(QIODevice::ReadOnly))
                QVERIFY(!file.readAll().contains(client->token().toLatin1()));
        }
    }

    // A representative's token (kept in a browser's storage) lives 7 days, an officer's 30.
    void representativesTokensLiveShorter()
    {
        const auto lifetime = [](TestClient &client, const QString &method, const QString &user,
                                 const QString &password) {
            const qint64 before = QDateTime::currentMSecsSinceEpoch();
            const QJsonObject result = client.ok(
                method, {{QStringLiteral("user"), user}, {QStringLiteral("password"), password}});
            return (result.value(QStringLiteral("expiresAt")).toInteger() - before) / 3600000.0;
        };
        TestClient rep(fx.server.url());
        QVERIFY(rep.connectAndHello());
        const double repHours = lifetime(rep, QStringLiteral("auth.repLogin"), fx.cast.rep1,
                                         demoRepresentativePassword());
        TestClient officer(fx.server.url());
        QVERIFY(officer.connectAndHello());
        const double officerHours = lifetime(officer, QStringLiteral("auth.login"),
                                             fx.cast.responderA1, demoResponderPassword());
        QVERIFY2(qAbs(repHours - 7 * 24) < 0.1, qPrintable(QString::number(repHours)));
        QVERIFY2(qAbs(officerHours - 30 * 24) < 0.1, qPrintable(QString::number(officerHours)));
    }

    // --behind-proxy: behind nginx every connection comes from loopback; the address sign-in
    // throttling counts by is the last X-Forwarded-For entry, so one address's failures do not
    // lock out everyone else.
    void behindAProxyFailuresCountPerForwardedAddress()
    {
        IntegrationFixture proxied({QStringLiteral("--behind-proxy")});
        QVERIFY(proxied.start());
        const auto signInFrom = [&](const QByteArray &forwarded, int attempt) {
            QNetworkRequest request(proxied.server.url());
            if (!forwarded.isEmpty())
                request.setRawHeader("X-Forwarded-For", "198.51.100.1, " + forwarded);
            QWebSocket socket;
            QString reply;
            QObject::connect(&socket, &QWebSocket::textMessageReceived,
                             [&reply](const QString &text) { reply = text; });
            socket.open(request);
            if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; },
                                 5000))
                return QStringLiteral("not connected");
            const auto call = [&](const QString &frame) {
                reply.clear();
                socket.sendTextMessage(frame);
                if (!QTest::qWaitFor([&] { return !reply.isEmpty(); }, 10000))
                    return QJsonObject{{QStringLiteral("code"), QStringLiteral("no answer")}};
                return QJsonDocument::fromJson(reply.toUtf8()).object();
            };
            call(QStringLiteral(
                R"({"type":"req","id":"1","method":"hello","params":{"versions":[1]}})"));
            const QJsonObject answer =
                call(QStringLiteral(R"({"type":"req","id":"2","method":"auth.repLogin","params":)"
                                    R"({"user":"nobody%1","password":"wrong"}})")
                         .arg(attempt));
            return answer.value(QStringLiteral("code")).toString();
        };
        // 20 failures from one address (different accounts): that address is throttled ...
        for (int i = 0; i < 20; ++i)
            QCOMPARE(signInFrom("203.0.113.7", i), QStringLiteral("invalid_credentials"));
        QCOMPARE(signInFrom("203.0.113.7", 20), QStringLiteral("throttled"));
        // ... and no one else: not another client of the proxy, not a direct one.
        QCOMPARE(signInFrom("203.0.113.8", 21), QStringLiteral("invalid_credentials"));
        QCOMPARE(signInFrom({}, 22), QStringLiteral("invalid_credentials"));
        QVERIFY(proxied.server.stop());
    }

    void expiredTokensAreRefused()
    {
        IntegrationFixture shortLived({QStringLiteral("--token-seconds"), QStringLiteral("1")});
        QVERIFY(shortLived.start());
        auto client = shortLived.responder(shortLived.cast.responderA1);
        QVERIFY(client);
        QTest::qWait(1500);
        TestClient later(shortLived.server.url());
        QVERIFY(later.connectAndHello());
        QCOMPARE(later.fails(QStringLiteral("auth.resume"),
                             {{QStringLiteral("token"), client->token()}}),
                 QStringLiteral("token_expired"));
        QVERIFY(shortLived.server.stop());
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
