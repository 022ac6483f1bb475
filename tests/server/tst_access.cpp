// Access control for every request type: a responder of another department, and a
// representative other than the one who asked, are refused and change nothing.
#include "IntegrationFixture.h"

#include <QJsonArray>
#include <QtTest>

class TestAccess : public QObject
{
    Q_OBJECT
private:
    IntegrationFixture fx;
    std::unique_ptr<TestClient> rep, holder, stranger, otherRep;
    qint64 consultationId = 0;
    qint64 voiceMessageId = 0;

    QJsonArray history()
    {
        return holder
            ->ok(QStringLiteral("messages.history"),
                 {{QStringLiteral("consultationId"), consultationId}})
            .value(QLatin1String("messages"))
            .toArray();
    }

    QJsonObject current()
    {
        const QJsonArray items =
            holder
                ->ok(QStringLiteral("sync.pull"),
                     {{QStringLiteral("stream"), QStringLiteral("consultations")},
                      {QStringLiteral("limit"), 1000}})
                .value(QLatin1String("items"))
                .toArray();
        for (const QJsonValue &item : items) {
            if (item.toObject().value(QLatin1String("id")).toInteger() == consultationId)
                return item.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(fx.start());
        rep = fx.representative(fx.cast.rep1);
        otherRep = fx.representative(fx.cast.rep2);
        holder = fx.responder(fx.cast.responderA1);
        stranger = fx.responder(fx.cast.responderB);
        QVERIFY(rep && otherRep && holder && stranger);
        consultationId = rep->openConsultation(fx.cast.deptA, QStringLiteral("权限测试"),
                                               QStringLiteral("access-1"));
        holder->ok(QStringLiteral("consultation.claim"),
                   {{QStringLiteral("consultationId"), consultationId}});
        rep->ok(QStringLiteral("message.send"),
                {{QStringLiteral("consultationId"), consultationId},
                 {QStringLiteral("clientMsgId"), QStringLiteral("m1")},
                 {QStringLiteral("text"), QStringLiteral("您好")}});
        const QJsonArray messages = history();
        voiceMessageId = 0;
        for (const QJsonValue &m : messages)
            voiceMessageId =
                m.toObject().value(QLatin1String("id")).toInteger(); // any message id will do
    }

    void cleanupTestCase() { QVERIFY(fx.server.stop()); }

    void everyRequestTypeIsRefused_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("expected");
        // Responder of another department.
        QTest::newRow("stranger claim") << "stranger"
                                        << "consultation.claim"
                                        << "forbidden";
        QTest::newRow("stranger transfer") << "stranger"
                                           << "consultation.transfer"
                                           << "forbidden";
        QTest::newRow("stranger close") << "stranger"
                                        << "consultation.close"
                                        << "forbidden";
        QTest::newRow("stranger send") << "stranger"
                                       << "message.send"
                                       << "forbidden";
        QTest::newRow("stranger history") << "stranger"
                                          << "messages.history"
                                          << "forbidden";
        QTest::newRow("stranger voice.begin") << "stranger"
                                              << "voice.begin"
                                              << "forbidden";
        QTest::newRow("stranger voice.fetch") << "stranger"
                                              << "voice.fetch"
                                              << "forbidden";
        QTest::newRow("stranger create") << "stranger"
                                         << "consultation.create"
                                         << "forbidden";
        QTest::newRow("stranger rate") << "stranger"
                                       << "consultation.rate"
                                       << "forbidden";
        // Another representative.
        QTest::newRow("other rep send") << "otherRep"
                                        << "message.send"
                                        << "forbidden";
        QTest::newRow("other rep history") << "otherRep"
                                           << "messages.history"
                                           << "forbidden";
        QTest::newRow("other rep rate") << "otherRep"
                                        << "consultation.rate"
                                        << "forbidden";
        QTest::newRow("other rep claim") << "otherRep"
                                         << "consultation.claim"
                                         << "forbidden";
        QTest::newRow("other rep transfer") << "otherRep"
                                            << "consultation.transfer"
                                            << "forbidden";
        QTest::newRow("other rep close") << "otherRep"
                                         << "consultation.close"
                                         << "forbidden";
        QTest::newRow("other rep voice.begin") << "otherRep"
                                               << "voice.begin"
                                               << "forbidden";
        QTest::newRow("other rep voice.fetch") << "otherRep"
                                               << "voice.fetch"
                                               << "forbidden";
        QTest::newRow("other rep proposals") << "otherRep"
                                             << "sync.pull"
                                             << "forbidden";
        // Not signed in at all.
        QTest::newRow("anonymous send") << "anonymous"
                                        << "message.send"
                                        << "not_authenticated";
        QTest::newRow("anonymous logout") << "anonymous"
                                          << "auth.logout"
                                          << "not_authenticated";
        QTest::newRow("anonymous voice.commit") << "anonymous"
                                                << "voice.commit"
                                                << "not_authenticated";
    }

    void everyRequestTypeIsRefused()
    {
        QFETCH(QString, who);
        QFETCH(QString, method);
        QFETCH(QString, expected);
        TestClient anonymous(fx.server.url());
        QVERIFY(anonymous.connectAndHello());
        TestClient *client = who == QLatin1String("stranger")   ? stranger.get()
                             : who == QLatin1String("otherRep") ? otherRep.get()
                                                                : &anonymous;
        const QJsonArray before = history();
        const QJsonObject stateBefore = current();
        const QJsonObject params{{QStringLiteral("consultationId"), consultationId},
                                 {QStringLiteral("departmentId"), fx.cast.deptB},
                                 {QStringLiteral("toDepartmentId"), fx.cast.deptB},
                                 {QStringLiteral("reason"), QStringLiteral("越权")},
                                 {QStringLiteral("summary"), QStringLiteral("越权")},
                                 {QStringLiteral("subject"), QStringLiteral("越权")},
                                 {QStringLiteral("clientId"), QStringLiteral("越权")},
                                 {QStringLiteral("clientMsgId"), QStringLiteral("intrusion")},
                                 {QStringLiteral("text"), QStringLiteral("越权")},
                                 {QStringLiteral("rating"), 1},
                                 {QStringLiteral("bytes"), 100},
                                 {QStringLiteral("durationMs"), 1000},
                                 {QStringLiteral("messageId"), voiceMessageId},
                                 {QStringLiteral("transferId"), 1},
                                 {QStringLiteral("stream"), QStringLiteral("proposals")}};
        QCOMPARE(client->fails(method, params), expected);
        QCOMPARE(history(), before);
        QCOMPARE(current(), stateBefore);
    }
};

QTEST_GUILESS_MAIN(TestAccess)
#include "tst_access.moc"
