// Incremental sync: bounded pages, cursors that only move forward, only what changed.
#include "IntegrationFixture.h"

#include <QJsonArray>
#include <QSet>
#include <QtTest>

class TestSync : public QObject
{
    Q_OBJECT
private:
    IntegrationFixture fx;

    struct Pulled
    {
        QList<QJsonObject> items;
        QList<qint64> removed;
        QString cursor;
        int pages = 0;
    };

    static Pulled pullAll(TestClient &client, const QString &stream, const QString &cursor = {},
                          int limit = 100)
    {
        Pulled pulled;
        pulled.cursor = cursor;
        for (bool more = true; more;) {
            const QJsonObject page =
                client.ok(QStringLiteral("sync.pull"), {{QStringLiteral("stream"), stream},
                                                        {QStringLiteral("cursor"), pulled.cursor},
                                                        {QStringLiteral("limit"), limit}});
            const QJsonArray items = page.value(QLatin1String("items")).toArray();
            if (items.size() > limit)
                QTest::qFail("page over its limit", __FILE__, __LINE__);
            for (const QJsonValue &item : items)
                pulled.items << item.toObject();
            for (const QJsonValue &id : page.value(QLatin1String("removed")).toArray())
                pulled.removed << id.toInteger();
            pulled.cursor = page.value(QLatin1String("cursor")).toString();
            more = page.value(QLatin1String("more")).toBool();
            if (++pulled.pages > 1000)
                break;
        }
        return pulled;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(fx.start()); }
    void cleanupTestCase() { QVERIFY(fx.server.stop()); }

    void firstSyncPagesThroughEverything()
    {
        auto client = fx.responder(fx.cast.responderA1);
        QVERIFY(client);
        const Pulled proposals = pullAll(*client, QStringLiteral("proposals"), {}, 100);
        QCOMPARE(proposals.items.size(), fx.catalog.proposals.size());
        QCOMPARE(proposals.pages, (fx.catalog.proposals.size() + 99) / 100);
        QSet<qint64> ids;
        qint64 lastSeq = 0;
        for (const QJsonObject &p : proposals.items) {
            ids.insert(p.value(QLatin1String("id")).toInteger());
            QVERIFY(p.value(QLatin1String("seq")).toInteger() > lastSeq);
            lastSeq = p.value(QLatin1String("seq")).toInteger();
            QVERIFY(!p.value(QLatin1String("title")).toString().isEmpty());
        }
        QCOMPARE(ids.size(), fx.catalog.proposals.size());

        const Pulled reps = pullAll(*client, QStringLiteral("representatives"));
        QCOMPARE(reps.items.size(), fx.catalog.representatives.size());
        const QJsonObject contact = reps.items.first().value(QLatin1String("contact")).toObject();
        QCOMPARE(contact.value(QLatin1String("mobile")).toString(),
                 fx.catalog.representatives.first().mobile);

        const Pulled departments = pullAll(*client, QStringLiteral("departments"));
        QCOMPARE(departments.items.size(), fx.catalog.departments.size());
        // Nothing changed: a second sync from the cursor fetches nothing.
        QVERIFY(pullAll(*client, QStringLiteral("proposals"), proposals.cursor).items.isEmpty());
    }

    void laterSyncFetchesOnlyWhatChanged()
    {
        auto responder = fx.responder(fx.cast.responderA1);
        auto rep = fx.representative(fx.cast.rep1);
        QVERIFY(responder && rep);
        const Pulled consultations = pullAll(*responder, QStringLiteral("consultations"));
        const Pulled messages = pullAll(*responder, QStringLiteral("messages"));
        for (const QJsonObject &c : consultations.items)
            QCOMPARE(c.value(QLatin1String("departmentId")).toInteger(), fx.cast.deptA);

        const qint64 id = rep->openConsultation(fx.cast.deptA, QStringLiteral("增量同步"),
                                                QStringLiteral("inc-1"));
        rep->ok(QStringLiteral("message.send"),
                {{QStringLiteral("consultationId"), id},
                 {QStringLiteral("clientMsgId"), QStringLiteral("inc-m1")},
                 {QStringLiteral("text"), QStringLiteral("一周后再来同步")}});

        const Pulled newConsultations =
            pullAll(*responder, QStringLiteral("consultations"), consultations.cursor);
        QCOMPARE(newConsultations.items.size(), 1);
        QCOMPARE(newConsultations.items.first().value(QLatin1String("id")).toInteger(), id);
        const Pulled newMessages = pullAll(*responder, QStringLiteral("messages"), messages.cursor);
        QCOMPARE(newMessages.items.size(), 1);
        QCOMPARE(newMessages.items.first().value(QLatin1String("text")).toString(),
                 QStringLiteral("一周后再来同步"));

        // A change to a record brings it back once, in its latest form.
        responder->ok(QStringLiteral("consultation.claim"),
                      {{QStringLiteral("consultationId"), id}});
        const Pulled claimed =
            pullAll(*responder, QStringLiteral("consultations"), newConsultations.cursor);
        QCOMPARE(claimed.items.size(), 1);
        QCOMPARE(claimed.items.first().value(QLatin1String("state")).toString(),
                 QStringLiteral("claimed"));
    }

    void transferAwayShowsAsRemoved()
    {
        auto holder = fx.responder(fx.cast.responderA1);
        auto colleague = fx.responder(fx.cast.responderA2);
        auto rep = fx.representative(fx.cast.rep1);
        QVERIFY(holder && colleague && rep);
        const qint64 id =
            rep->openConsultation(fx.cast.deptA, QStringLiteral("转走"), QStringLiteral("away-1"));
        const Pulled before = pullAll(*colleague, QStringLiteral("consultations"));
        holder->ok(QStringLiteral("consultation.claim"), {{QStringLiteral("consultationId"), id}});
        holder->ok(QStringLiteral("consultation.transfer"),
                   {{QStringLiteral("consultationId"), id},
                    {QStringLiteral("toDepartmentId"), fx.cast.deptB},
                    {QStringLiteral("reason"), QStringLiteral("非本部门职责")}});
        const Pulled after = pullAll(*colleague, QStringLiteral("consultations"), before.cursor);
        QCOMPARE(after.removed, QList<qint64>{id});
        // The one who held it keeps it in view.
        const Pulled held = pullAll(*holder, QStringLiteral("consultations"), before.cursor);
        QVERIFY(held.removed.isEmpty());
        QVERIFY(std::any_of(held.items.cbegin(), held.items.cend(), [id](const QJsonObject &c) {
            return c.value(QLatin1String("id")).toInteger() == id;
        }));
    }

    void representativesReadOnlyTheirStreams()
    {
        auto rep = fx.representative(fx.cast.rep2);
        QVERIFY(rep);
        QCOMPARE(rep->fails(QStringLiteral("sync.pull"),
                            {{QStringLiteral("stream"), QStringLiteral("proposals")}}),
                 QStringLiteral("forbidden"));
        QCOMPARE(rep->fails(QStringLiteral("sync.pull"),
                            {{QStringLiteral("stream"), QStringLiteral("representatives")}}),
                 QStringLiteral("forbidden"));
        rep->ok(QStringLiteral("sync.pull"),
                {{QStringLiteral("stream"), QStringLiteral("departments")}});
    }

    void badPullRequests()
    {
        auto client = fx.responder(fx.cast.leadA);
        QVERIFY(client);
        QCOMPARE(client->fails(QStringLiteral("sync.pull"),
                               {{QStringLiteral("stream"), QStringLiteral("secrets")}}),
                 QStringLiteral("bad_request"));
        QCOMPARE(client->fails(QStringLiteral("sync.pull"),
                               {{QStringLiteral("stream"), QStringLiteral("messages")},
                                {QStringLiteral("cursor"), QStringLiteral("not-a-cursor")}}),
                 QStringLiteral("bad_request"));
        QCOMPARE(client->fails(QStringLiteral("sync.pull"),
                               {{QStringLiteral("stream"), QStringLiteral("messages")},
                                {QStringLiteral("limit"), 5000}}),
                 QStringLiteral("bad_request"));
    }
};

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
