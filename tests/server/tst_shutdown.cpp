// A clean shutdown on SIGTERM loses nothing that was acknowledged.
#include "IntegrationFixture.h"

#include <QJsonArray>
#include <QtTest>

class TestShutdown : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void acknowledgedMessagesSurviveSigterm()
    {
        IntegrationFixture fx;
        QVERIFY(fx.start());
        auto rep = fx.representative(fx.cast.rep1);
        QVERIFY(rep);
        const qint64 id = rep->openConsultation(fx.cast.deptA, QStringLiteral("停机测试"),
                                                QStringLiteral("stop-1"));
        // Fire many sends without waiting, then stop the server while they are in flight.
        QStringList acknowledged;
        for (int i = 0; i < 40; ++i) {
            const QString key = QStringLiteral("stop-m%1").arg(i);
            rep->client().request(QStringLiteral("message.send"),
                                  {{QStringLiteral("consultationId"), id},
                                   {QStringLiteral("clientMsgId"), key},
                                   {QStringLiteral("text"), QStringLiteral("第%1条").arg(i)}},
                                  [&acknowledged, key](const Frame &f) {
                                      if (f.type == Frame::Type::Result)
                                          acknowledged << key;
                                  });
        }
        QTRY_VERIFY_WITH_TIMEOUT(!acknowledged.isEmpty(), 5000);
        QVERIFY(fx.server.stop());
        QCOMPARE(rep->waitForClose().value_or(0), 1001);

        ServerProcess restarted;
        QVERIFY(restarted.start(fx.server.databasePath()));
        TestClient again(restarted.url());
        QVERIFY(again.connectAndHello());
        QVERIFY(again.repLogin(fx.cast.rep1, demoRepresentativePassword()));
        QStringList stored;
        for (const QJsonValue &m :
             again.ok(QStringLiteral("messages.history"), {{QStringLiteral("consultationId"), id}})
                 .value(QLatin1String("messages"))
                 .toArray())
            stored << m.toObject().value(QLatin1String("clientMsgId")).toString();
        for (const QString &key : acknowledged)
            QVERIFY2(stored.contains(key),
                     qPrintable(key + QStringLiteral(" was acknowledged but lost")));
        QVERIFY(restarted.stop());
    }
};

QTEST_GUILESS_MAIN(TestShutdown)
#include "tst_shutdown.moc"
