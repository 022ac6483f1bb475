// The outbox against the real server: a reply written locally is delivered exactly once,
// whichever step the client process dies at; replies written offline go out in order; a
// reply the server refuses fails with its reason and can be retried.
#include "IntegrationFixture.h"
#include "app/outbox/OutboxStore.h"

#include <QJsonArray>
#include <QtTest>

class TestOutbox : public QObject
{
    Q_OBJECT
private:
    IntegrationFixture fx;
    std::unique_ptr<TestClient> rep, responder;
    qint64 consultationId = 0;
    QTemporaryDir dir;

    qint64 openConsultation(bool claim)
    {
        const qint64 id = rep->openConsultation(fx.cast.deptA, QStringLiteral("发件箱测试"));
        if (claim)
            responder->ok(QStringLiteral("consultation.claim"),
                          {{QStringLiteral("consultationId"), id}});
        return id;
    }

    int probe(const QString &outbox, const QStringList &extra, qint64 consultation)
    {
        QProcess process;
        process.start(qEnvironmentVariable("CONSULT_OUTBOX_PROBE"),
                      QStringList{QStringLiteral("--outbox"), outbox, QStringLiteral("--url"),
                                  fx.server.url().toString(), QStringLiteral("--token"),
                                  responder->token(), QStringLiteral("--consultation"),
                                  QString::number(consultation)} +
                          extra);
        if (!process.waitForFinished(60000))
            return -1;
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    }

    QStringList texts(qint64 consultation)
    {
        QStringList result;
        for (const QJsonValue &m : responder
                                       ->ok(QStringLiteral("messages.history"),
                                            {{QStringLiteral("consultationId"), consultation}})
                                       .value(QLatin1String("messages"))
                                       .toArray()) {
            if (m.toObject().value(QLatin1String("kind")) == QLatin1String("text"))
                result << m.toObject().value(QLatin1String("text")).toString();
        }
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(fx.start());
        rep = fx.representative(fx.cast.rep1);
        responder = fx.responder(fx.cast.responderA1);
        QVERIFY(rep && responder);
        consultationId = openConsultation(true);
    }

    void cleanupTestCase() { QVERIFY(fx.server.stop()); }

    void deliveredExactlyOnceWhereverTheClientDies_data()
    {
        QTest::addColumn<QString>("step");
        QTest::newRow("after writing locally") << QStringLiteral("enqueued");
        QTest::newRow("after sending, before the acknowledgement") << QStringLiteral("written");
        QTest::newRow("after the acknowledgement, before recording it")
            << QStringLiteral("acknowledged");
    }

    void deliveredExactlyOnceWhereverTheClientDies()
    {
        QFETCH(QString, step);
        const QString outbox = dir.filePath(step + QStringLiteral(".outbox"));
        const QString reply = QStringLiteral("您好，已为您查询（%1）").arg(step);
        QCOMPARE(probe(outbox,
                       {QStringLiteral("--text"), reply, QStringLiteral("--crash-at"), step},
                       consultationId),
                 3);
        QCOMPARE(probe(outbox, {}, consultationId),
                 0); // the restarted client delivers what is pending
        QCOMPARE(texts(consultationId).count(reply), 1);
        auto store = OutboxStore::open(outbox);
        QVERIFY(store.hasValue());
        QVERIFY((*store)->pending().isEmpty());
        QCOMPARE((*store)->items(consultationId).first().state, OutboxItem::State::Sent);
        QCOMPARE(probe(outbox, {}, consultationId), 0); // and nothing goes out a second time
        QCOMPARE(texts(consultationId).count(reply), 1);
    }

    void repliesWrittenOfflineGoOutInOrder()
    {
        const qint64 id = openConsultation(true);
        const QString outbox = dir.filePath(QStringLiteral("offline.outbox"));
        const QStringList replies{QStringLiteral("第一条"), QStringLiteral("第二条"),
                                  QStringLiteral("第三条")};
        QStringList args{QStringLiteral("--offline")};
        for (const QString &r : replies)
            args << QStringLiteral("--text") << r;
        QCOMPARE(probe(outbox, args, id), 0);
        QVERIFY(texts(id).isEmpty());
        QCOMPARE(probe(outbox, {}, id), 0);
        QCOMPARE(texts(id), replies);
    }

    void refusedReplyFailsWithReasonAndCanBeRetried()
    {
        const qint64 id = openConsultation(false); // not claimed yet: the server refuses replies
        const QString outbox = dir.filePath(QStringLiteral("refused.outbox"));
        QCOMPARE(probe(outbox, {QStringLiteral("--text"), QStringLiteral("抢先回复")}, id), 0);
        {
            auto store = OutboxStore::open(outbox);
            QVERIFY(store.hasValue());
            const OutboxItem item = (*store)->items(id).first();
            QCOMPARE(item.state, OutboxItem::State::Failed);
            QVERIFY(item.error.contains(QLatin1String("claim")));
            responder->ok(QStringLiteral("consultation.claim"),
                          {{QStringLiteral("consultationId"), id}});
            QVERIFY((*store)->retry(item.clientMsgId));
        }
        QCOMPARE(probe(outbox, {}, id), 0);
        QCOMPARE(texts(id), QStringList{QStringLiteral("抢先回复")});
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
