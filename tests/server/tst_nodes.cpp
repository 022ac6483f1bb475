// Several server nodes on one PostgreSQL database (run under tests/testsupport/with-postgres.sh):
// people signed in to different nodes see each other's changes live, as on one node.
#include "IntegrationFixture.h"
#include "app/protocol/ErrorCode.h"
#include "server/auth/LoginThrottle.h"
#include "server/storage/Sql.h"

#include <QDeadlineTimer>
#include <QSqlDatabase>
#include <QtTest>

namespace {

std::function<bool(const QJsonObject &)> aboutConsultation(qint64 id)
{
    return [id](const QJsonObject &data) {
        return data.value(QLatin1String("consultation")).toObject().value(QLatin1String("id")) ==
               id;
    };
}

std::function<bool(const QJsonObject &)> messageWithClientId(const QString &clientMsgId)
{
    return [clientMsgId](const QJsonObject &data) {
        return data.value(QLatin1String("message"))
                   .toObject()
                   .value(QLatin1String("clientMsgId")) == clientMsgId;
    };
}

} // namespace

class TestNodes : public QObject
{
    Q_OBJECT
private:
    IntegrationFixture fx; // node A, over a new database
    ServerProcess nodeB;
    std::unique_ptr<TestClient> rep, a1, a2, b1;

    std::unique_ptr<TestClient> onB(const QString &login)
    {
        auto client = std::make_unique<TestClient>(nodeB.url());
        if (!client->connectAndHello() || !client->login(login, demoResponderPassword()))
            return nullptr;
        return client;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!TestDatabase::onPostgres())
            QSKIP("several nodes share a PostgreSQL database: run under with-postgres.sh");
        QVERIFY(fx.start());
        QVERIFY(nodeB.start(fx.location));
        rep = fx.representative(fx.cast.rep1);  // on A
        a1 = fx.responder(fx.cast.responderA1); // on A
        a2 = onB(fx.cast.responderA2);
        QVERIFY(rep && a1 && a2);
    }

    void aRepresentativeOnOneNodeReachesTheDeskOnAnother()
    {
        const qint64 id = rep->openConsultation(fx.cast.deptA, QStringLiteral("跨节点的咨询"));
        QVERIFY(id > 0);
        QVERIFY(a2->waitForEvent(QStringLiteral("consultation.created"), aboutConsultation(id)));

        a2->ok(QStringLiteral("consultation.claim"), {{QStringLiteral("consultationId"), id}});
        const auto claimed =
            rep->waitForEvent(QStringLiteral("consultation.updated"), aboutConsultation(id));
        QVERIFY(claimed);
        QCOMPARE(claimed->value(QLatin1String("consultation"))
                     .toObject()
                     .value(QLatin1String("assigneeId"))
                     .toInteger(),
                 fx.cast.responderA2Id);

        rep->ok(QStringLiteral("message.send"),
                {{QStringLiteral("consultationId"), id},
                 {QStringLiteral("clientMsgId"), QStringLiteral("rep-across")},
                 {QStringLiteral("text"), QStringLiteral("请问办理需要多久？")}});
        QVERIFY(a2->waitForEvent(QStringLiteral("message.created"),
                                 messageWithClientId(QStringLiteral("rep-across"))));
        a2->ok(QStringLiteral("message.send"),
               {{QStringLiteral("consultationId"), id},
                {QStringLiteral("clientMsgId"), QStringLiteral("reply-across")},
                {QStringLiteral("text"), QStringLiteral("一般五个工作日。")}});
        QVERIFY(rep->waitForEvent(QStringLiteral("message.created"),
                                  messageWithClientId(QStringLiteral("reply-across"))));
        // Told once: the node that made the change does not hear it again from the feed.
        QVERIFY(a2->waitForEvent(QStringLiteral("message.created"),
                                 messageWithClientId(QStringLiteral("reply-across"))));
        QVERIFY(!rep->waitForEvent(QStringLiteral("message.created"),
                                   messageWithClientId(QStringLiteral("reply-across")), 1500));
        QVERIFY(!a2->waitForEvent(QStringLiteral("message.created"),
                                  messageWithClientId(QStringLiteral("reply-across")), 10));
    }

    // Two desks on two nodes claim at once: one wins, and both desks see who.
    void contestedClaimsAcrossNodesHaveOneWinner()
    {
        for (int round = 0; round < 5; ++round) {
            const qint64 id = rep->openConsultation(
                fx.cast.deptA, QStringLiteral("两个节点同时认领 %1").arg(round));
            QVERIFY(
                a1->waitForEvent(QStringLiteral("consultation.created"), aboutConsultation(id)));
            QVERIFY(
                a2->waitForEvent(QStringLiteral("consultation.created"), aboutConsultation(id)));
            const auto answers =
                TestClient::callAtOnce(*a1, *a2, QStringLiteral("consultation.claim"),
                                       {{QStringLiteral("consultationId"), id}});
            QVERIFY(answers);
            const std::optional<Frame> r1 = answers->first, r2 = answers->second;
            QCOMPARE((r1->type == Frame::Type::Result) + (r2->type == Frame::Type::Result), 1);
            const qint64 winner =
                r1->type == Frame::Type::Result ? fx.cast.responderA1Id : fx.cast.responderA2Id;
            for (TestClient *desk : {a1.get(), a2.get()}) {
                const auto seen = desk->waitForEvent(
                    QStringLiteral("consultation.updated"), [&](const QJsonObject &data) {
                        const QJsonObject c = data.value(QLatin1String("consultation")).toObject();
                        return c.value(QLatin1String("id")) == id &&
                               c.value(QLatin1String("state")) == QLatin1String("claimed");
                    });
                QVERIFY(seen);
                QCOMPARE(seen->value(QLatin1String("consultation"))
                             .toObject()
                             .value(QLatin1String("assigneeId"))
                             .toInteger(),
                         winner);
            }
        }
    }

    // Signing out on one node ends the same session on every other node.
    void signingOutEndsTheSessionOnEveryNode()
    {
        auto here = fx.responder(fx.cast.leadA);
        QVERIFY(here);
        TestClient there(nodeB.url());
        QVERIFY(there.connectAndHello());
        there.ok(QStringLiteral("auth.resume"), {{QStringLiteral("token"), here->token()}});
        here->ok(QStringLiteral("auth.logout"));
        QVERIFY(there.waitForEvent(QStringLiteral("session.revoked")));
        QCOMPARE(there.waitForClose().value_or(0), 4003);
    }

    // A guesser spreading wrong passwords over the nodes is blocked as on one node: after the
    // account's threshold, counted across them, the next attempt on either node is refused
    // without a check, with the wait.
    void guessesSpreadOverNodesAreCountedTogether()
    {
        const QString victim = fx.cast.responderB;
        TestClient onA(fx.server.url()), onB(nodeB.url());
        QVERIFY(onA.connectAndHello() && onB.connectAndHello());
        const QJsonObject wrong{{QStringLiteral("user"), victim},
                                {QStringLiteral("password"), QStringLiteral("not-the-password")}};
        for (int attempt = 0; attempt < LoginThrottle::accountThreshold; ++attempt)
            QCOMPARE((attempt % 2 ? onB : onA).fails(QStringLiteral("auth.login"), wrong),
                     QStringLiteral("invalid_credentials"));
        for (TestClient *client : {&onA, &onB}) {
            const Frame refused = client->call(QStringLiteral("auth.login"), wrong);
            QCOMPARE(refused.errorCode, ErrorCode::Throttled);
            QVERIFY(refused.payload.value(QLatin1String("retryAfterMs")).toInteger() > 20000);
        }
        // Not even the right password gets through during the block, on either node.
        QCOMPARE(onB.fails(QStringLiteral("auth.login"),
                           {{QStringLiteral("user"), victim},
                            {QStringLiteral("password"), demoResponderPassword()}}),
                 QStringLiteral("throttled"));
    }

    // Every node's database connection is killed (as a failover or a restarted database does):
    // the nodes open it again by themselves, and delivery between them resumes, nothing missed.
    void deliveryResumesAfterTheDatabaseConnectionsAreKilled()
    {
        const qint64 id = rep->openConsultation(fx.cast.deptA, QStringLiteral("连接断开之后"));
        QVERIFY(a2->waitForEvent(QStringLiteral("consultation.created"), aboutConsultation(id)));
        {
            QSqlDatabase admin = TestDatabase::inspect(fx.location, QStringLiteral("admin"));
            SqlStatement killed(admin,
                                QStringLiteral("SELECT COUNT(pg_terminate_backend(pid))"
                                               " FROM pg_stat_activity"
                                               " WHERE application_name = ?"
                                               " AND pid <> pg_backend_pid()"),
                                {QStringLiteral("consult-server")});
            QVERIFY(killed.next());
            QCOMPARE(killed.int64(0), 4); // per node: the one that writes, and the listener
            admin.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("admin"));

        // The representative's console resends until the server takes it, as its outbox does
        // (signing in again if its connection was closed meanwhile).
        const QJsonObject send{{QStringLiteral("consultationId"), id},
                               {QStringLiteral("clientMsgId"), QStringLiteral("after-kill")},
                               {QStringLiteral("text"), QStringLiteral("刚才断线了吗？")}};
        const QDeadlineTimer deadline(20000);
        bool sent = false;
        while (!sent && !deadline.hasExpired()) {
            if (!rep || !rep->isOpen())
                rep = fx.representative(fx.cast.rep1);
            sent =
                rep && rep->call(QStringLiteral("message.send"), send).type == Frame::Type::Result;
            if (!sent)
                QTest::qWait(200);
        }
        QVERIFY(sent);
        QVERIFY(a2->isOpen());
        QVERIFY(a2->waitForEvent(QStringLiteral("message.created"),
                                 messageWithClientId(QStringLiteral("after-kill"))));
        QVERIFY(!a2->waitForEvent(QStringLiteral("message.created"),
                                  messageWithClientId(QStringLiteral("after-kill")), 1500));
    }

    void cleanupTestCase()
    {
        if (TestDatabase::onPostgres())
            QVERIFY(nodeB.stop());
    }
};

QTEST_GUILESS_MAIN(TestNodes)
#include "tst_nodes.moc"
