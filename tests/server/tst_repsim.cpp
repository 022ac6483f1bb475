// The representative simulator, run as the demo runs it, against the real server: it signs
// representatives in, opens consultations and sends text and voice, bounded in count.
#include "IntegrationFixture.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

namespace {
// What a responder of the department reads from one sync stream, in one page.
QJsonArray pull(TestClient &responder, const QString &stream)
{
    return responder
        .ok(QStringLiteral("sync.pull"),
            {{QStringLiteral("stream"), stream}, {QStringLiteral("limit"), 1000}})
        .value(QLatin1String("items"))
        .toArray();
}
} // namespace

class TestRepSim : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sendsWhatItSaysItSent()
    {
        IntegrationFixture fx;
        QVERIFY(fx.start());
        auto responder = fx.responder(fx.cast.responderA1);
        QVERIFY(responder);

        QProcess simulator;
        simulator.start(qEnvironmentVariable("CONSULT_REPSIM_BIN"),
                        {QStringLiteral("--url"), fx.server.url().toString(),
                         QStringLiteral("--reps"), QStringLiteral("3"), QStringLiteral("--rate"),
                         QStringLiteral("20"), QStringLiteral("--count"), QStringLiteral("12"),
                         QStringLiteral("--seconds"), QStringLiteral("60"),
                         QStringLiteral("--voice-share"), QStringLiteral("0.5"),
                         QStringLiteral("--department"), QString::number(fx.cast.deptA)});
        QVERIFY(simulator.waitForFinished(90000));
        const QString output = QString::fromUtf8(simulator.readAllStandardOutput());
        QCOMPARE(simulator.exitCode(), 0);
        QVERIFY2(output.contains(QLatin1String("failures: 0")), qPrintable(output));

        // The department sees three new consultations and their messages, live and in sync.
        QVERIFY(responder->waitForEvent(QStringLiteral("consultation.created")));
        const QJsonArray waiting = pull(*responder, QStringLiteral("consultations"));
        int opened = 0;
        for (const QJsonValue &c : waiting)
            opened +=
                c.toObject().value(QLatin1String("state")).toString() == QLatin1String("waiting");
        QCOMPARE(opened, 3);
        int texts = 0;
        int voices = 0;
        const QJsonArray messages = pull(*responder, QStringLiteral("messages"));
        for (const QJsonValue &m : messages) {
            const QJsonObject message = m.toObject();
            if (message.value(QLatin1String("clientMsgId"))
                    .toString()
                    .startsWith(QLatin1String("demo-")))
                continue;
            texts += message.value(QLatin1String("kind")) == QLatin1String("text");
            voices += message.value(QLatin1String("kind")) == QLatin1String("voice");
        }
        QCOMPARE(texts + voices, 12);
        if (!QStandardPaths::findExecutable(QStringLiteral("espeak-ng")).isEmpty())
            QVERIFY(voices > 0);
        QVERIFY(fx.server.stop());
    }

    // The server restarts while representatives are writing: they sign in again and go on in
    // the consultations they had opened; everything they say they sent is there once.
    void carriesOnAfterTheServerRestarts()
    {
        IntegrationFixture fx(
            {QStringLiteral("--port"), QString::number(ServerProcess::freePort())});
        QVERIFY(fx.start());
        QProcess simulator;
        simulator.setProcessChannelMode(QProcess::MergedChannels);
        simulator.start(qEnvironmentVariable("CONSULT_REPSIM_BIN"),
                        {QStringLiteral("--url"), fx.server.url().toString(),
                         QStringLiteral("--reps"), QStringLiteral("2"), QStringLiteral("--rate"),
                         QStringLiteral("4"), QStringLiteral("--count"), QStringLiteral("24"),
                         QStringLiteral("--seconds"), QStringLiteral("60"),
                         QStringLiteral("--voice-share"), QStringLiteral("0"),
                         QStringLiteral("--department"), QString::number(fx.cast.deptA)});
        QVERIFY(simulator.waitForStarted());
        QTest::qWait(2000); // signed in, some messages sent
        QVERIFY(fx.server.stop());
        QTest::qWait(1000);
        QVERIFY(fx.server.start(fx.location));
        QVERIFY(simulator.waitForFinished(90000));
        const QString output = QString::fromUtf8(simulator.readAll());
        QCOMPARE(simulator.exitCode(), 0);
        QVERIFY2(output.contains(QLatin1String("signed in again")), qPrintable(output));

        // Two consultations only (none opened twice), holding what was acknowledged.
        auto responder = fx.responder(fx.cast.responderA1);
        QVERIFY(responder);
        const QJsonArray consultations = pull(*responder, QStringLiteral("consultations"));
        QSet<qint64> ours;
        for (const QJsonValue &c : consultations) {
            if (c.toObject().value(QLatin1String("state")).toString() == QLatin1String("waiting"))
                ours.insert(c.toObject().value(QLatin1String("id")).toInteger());
        }
        QCOMPARE(ours.size(), 2);
        const QRegularExpression acknowledged(QStringLiteral("texts acknowledged: (\\d+)"));
        const auto said = acknowledged.match(output);
        QVERIFY2(said.hasMatch(), qPrintable(output));
        int stored = 0;
        for (const QJsonValue &m : pull(*responder, QStringLiteral("messages")))
            stored +=
                ours.contains(m.toObject().value(QLatin1String("consultationId")).toInteger());
        QVERIFY2(stored >= said.captured(1).toInt(), qPrintable(output));
        QVERIFY(said.captured(1).toInt() > 0);
        QVERIFY(fx.server.stop());
    }
};

QTEST_GUILESS_MAIN(TestRepSim)
#include "tst_repsim.moc"
