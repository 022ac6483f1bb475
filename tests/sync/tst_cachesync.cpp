// Syncing a real server's data into a real cache file: the first sync pages through
// everything, can be interrupted and resumed, later syncs fetch only what changed, and live
// events land in the cache without a pull.
#include "CacheOnThread.h"
#include "IntegrationFixture.h"
#include "app/storage/SearchText.h"
#include "app/storage/SearchTokenizer.h"
#include "app/sync/CacheSync.h"

#include <QThread>
#include <atomic>

#include <QSqlQuery>
#include <QtTest>

namespace {
qint64 count(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery query(db);
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
}
} // namespace

class TestCacheSync : public QObject
{
    Q_OBJECT
private:
    IntegrationFixture fx;
    QTemporaryDir dir;

    // Runs one sync to its end; returns the items it fetched.
    int syncAll(CacheSync &sync, int pageSize = 100)
    {
        int items = 0;
        bool done = false;
        const auto p =
            connect(&sync, &CacheSync::progress, this, [&](const QString &, int n) { items = n; });
        const auto f = connect(&sync, &CacheSync::finished, this, [&] { done = true; });
        sync.start(CacheSync::responderStreams(), pageSize);
        const bool ended = QTest::qWaitFor([&] { return done; }, 60000);
        disconnect(p);
        disconnect(f);
        if (!ended)
            QTest::qFail("sync did not finish", __FILE__, __LINE__);
        return items;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(fx.start()); }
    void cleanupTestCase() { QVERIFY(fx.server.stop()); }

    void firstSyncInterruptedResumesAndLaterSyncsFetchOnlyChanges()
    {
        auto client = fx.responder(fx.cast.responderA1);
        QVERIFY(client);
        CacheOnThread cache(dir.filePath(QStringLiteral("a1.cache")));
        QVERIFY(cache.open());
        // The test reads what the worker wrote through a connection of its own.
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("reader"));
        db.setDatabaseName(dir.filePath(QStringLiteral("a1.cache")));
        QVERIFY(db.open() && registerSearchTokenizer(db));
        CacheSync sync(client->client(), *cache.worker);

        // Interrupt the first sync after a few pages.
        bool stopped = false;
        int fetchedBeforeStop = 0;
        const auto stopper =
            connect(&sync, &CacheSync::progress, this, [&](const QString &, int n) {
                if (n >= 150 && !stopped) {
                    stopped = true;
                    fetchedBeforeStop = n;
                    sync.stop();
                }
            });
        bool finished = false;
        const auto f = connect(&sync, &CacheSync::finished, this, [&] { finished = true; });
        sync.start(CacheSync::responderStreams(), 50);
        QTRY_VERIFY_WITH_TIMEOUT(finished, 60000);
        disconnect(stopper);
        disconnect(f);
        QVERIFY(stopped);
        QVERIFY(count(db, QStringLiteral("SELECT COUNT(*) FROM proposals")) <
                fx.catalog.proposals.size());

        // Resume: only the rest comes, and everything is there afterwards.
        const int rest = syncAll(sync, 50);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM departments")),
                 fx.catalog.departments.size());
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM representatives")),
                 fx.catalog.representatives.size());
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM proposals")),
                 fx.catalog.proposals.size());
        const qint64 total = count(
            db, QStringLiteral(
                    "SELECT (SELECT COUNT(*) FROM departments) + (SELECT COUNT(*) FROM responders)"
                    " + (SELECT COUNT(*) FROM consultations) + (SELECT COUNT(*) FROM messages)"
                    " + (SELECT COUNT(*) FROM representatives) + (SELECT COUNT(*) FROM proposals)"
                    " + (SELECT COUNT(*) FROM scripts)"));
        QCOMPARE(fetchedBeforeStop + rest, total);
        // Only consultations this responder may see: their department's.
        QCOMPARE(
            count(db, QStringLiteral("SELECT COUNT(*) FROM consultations WHERE department_id <> ?"),
                  {fx.cast.deptA}),
            0);

        // Nothing changed: nothing to fetch.
        QCOMPARE(syncAll(sync), 0);

        // A new consultation with a message: the event lands at once, the next sync brings
        // exactly those two records.
        auto rep = fx.representative(fx.cast.rep1);
        QVERIFY(rep);
        const qint64 id = rep->openConsultation(fx.cast.deptA, QStringLiteral("同步测试"),
                                                QStringLiteral("sync-1"));
        rep->ok(QStringLiteral("message.send"),
                {{QStringLiteral("consultationId"), id},
                 {QStringLiteral("clientMsgId"), QStringLiteral("sync-m1")},
                 {QStringLiteral("text"), QStringLiteral("离线一周后再同步")}});
        QTRY_COMPARE_WITH_TIMEOUT(
            count(db, QStringLiteral("SELECT COUNT(*) FROM messages WHERE client_msg_id = ?"),
                  {QStringLiteral("sync-m1")}),
            1, 5000);
        QCOMPARE(syncAll(sync), 2);
        QCOMPARE(count(db, QStringLiteral(
                               "SELECT COUNT(*) FROM messages WHERE client_msg_id = 'sync-m1'")),
                 1);
        // Synced text is searchable offline.
        QCOMPARE(
            count(db,
                  QStringLiteral("SELECT COUNT(*) FROM messages_fts WHERE messages_fts MATCH ?"),
                  {searchMatchExpression(QStringLiteral("一周"))}),
            1);

        // Transferred away: it disappears from the colleague's cache.
        auto lead = fx.responder(fx.cast.leadA);
        QVERIFY(lead);
        lead->ok(QStringLiteral("consultation.transfer"),
                 {{QStringLiteral("consultationId"), id},
                  {QStringLiteral("toDepartmentId"), fx.cast.deptB},
                  {QStringLiteral("reason"), QStringLiteral("不属于本部门")}});
        QTRY_COMPARE_WITH_TIMEOUT(
            count(db, QStringLiteral("SELECT COUNT(*) FROM consultations WHERE id = ?"), {id}), 0,
            5000);
        syncAll(sync);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM consultations WHERE id = ?"), {id}),
                 0);
        QCOMPARE(count(db,
                       QStringLiteral("SELECT COUNT(*) FROM messages WHERE consultation_id = ?"),
                       {id}),
                 0);
    }

    void aConsultationTransferredInBringsItsHistory()
    {
        auto receiver = fx.responder(fx.cast.responderB);
        QVERIFY(receiver);
        CacheOnThread cache(dir.filePath(QStringLiteral("b.cache")));
        QVERIFY(cache.open());
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("reader-b"));
        db.setDatabaseName(dir.filePath(QStringLiteral("b.cache")));
        QVERIFY(db.open());
        CacheSync sync(receiver->client(), *cache.worker);

        // Department A talks for a while; then B syncs everything it can see (not that).
        auto rep = fx.representative(fx.cast.rep2);
        auto holder = fx.responder(fx.cast.responderA2);
        QVERIFY(rep && holder);
        const qint64 id = rep->openConsultation(fx.cast.deptA, QStringLiteral("转入测试"),
                                                QStringLiteral("in-1"));
        holder->ok(QStringLiteral("consultation.claim"), {{QStringLiteral("consultationId"), id}});
        for (int i = 0; i < 3; ++i)
            rep->ok(QStringLiteral("message.send"),
                    {{QStringLiteral("consultationId"), id},
                     {QStringLiteral("clientMsgId"), QStringLiteral("in-m%1").arg(i)},
                     {QStringLiteral("text"), QStringLiteral("转入前的第%1条").arg(i)}});
        syncAll(sync);
        QCOMPARE(count(db,
                       QStringLiteral("SELECT COUNT(*) FROM messages WHERE consultation_id = ?"),
                       {id}),
                 0);

        // Transferred to B's department: its earlier messages arrive with it.
        holder->ok(QStringLiteral("consultation.transfer"),
                   {{QStringLiteral("consultationId"), id},
                    {QStringLiteral("toDepartmentId"), fx.cast.deptB},
                    {QStringLiteral("reason"), QStringLiteral("请贵部门答复")}});
        QTRY_COMPARE_WITH_TIMEOUT(
            count(db,
                  QStringLiteral(
                      "SELECT COUNT(*) FROM messages WHERE consultation_id = ? AND kind = 'text'"),
                  {id}),
            3, 10000);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM consultations WHERE id = ?"), {id}),
                 1);
    }

    void aBackfillLeftUndoneIsContinuedAtTheNextSync()
    {
        // Department A's consultation, transferred to B while B's console was closed.
        auto rep = fx.representative(fx.cast.rep2);
        auto holder = fx.responder(fx.cast.responderA2);
        QVERIFY(rep && holder);
        const qint64 id = rep->openConsultation(fx.cast.deptA, QStringLiteral("补取历史"),
                                                QStringLiteral("later-1"));
        holder->ok(QStringLiteral("consultation.claim"), {{QStringLiteral("consultationId"), id}});
        for (int i = 0; i < 4; ++i)
            rep->ok(QStringLiteral("message.send"),
                    {{QStringLiteral("consultationId"), id},
                     {QStringLiteral("clientMsgId"), QStringLiteral("later-m%1").arg(i)},
                     {QStringLiteral("text"), QStringLiteral("稍后补取的第%1条").arg(i)}});
        holder->ok(QStringLiteral("consultation.transfer"),
                   {{QStringLiteral("consultationId"), id},
                    {QStringLiteral("toDepartmentId"), fx.cast.deptB},
                    {QStringLiteral("reason"), QStringLiteral("请贵部门答复")}});

        // B's cache already knows the consultation and has its history queued, but the fetch
        // never happened (the console went offline, or quit): what a run cut short leaves.
        const QString path = dir.filePath(QStringLiteral("b-later.cache"));
        auto receiver = fx.responder(fx.cast.responderB);
        QVERIFY(receiver);
        {
            CacheOnThread cache(path);
            QVERIFY(cache.open());
            CacheSync sync(receiver->client(), *cache.worker);
            syncAll(sync);
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                        QStringLiteral("writer-later"));
            db.setDatabaseName(path);
            QVERIFY(db.open() && registerSearchTokenizer(db));
            QSqlQuery forget(db);
            forget.prepare(QStringLiteral("DELETE FROM messages WHERE consultation_id = ?"));
            forget.addBindValue(id);
            QVERIFY(forget.exec());
            QSqlQuery pending(db);
            pending.prepare(
                QStringLiteral("INSERT INTO history_pending (consultation_id) VALUES (?)"));
            pending.addBindValue(id);
            QVERIFY(pending.exec());
            QCOMPARE(
                count(db, QStringLiteral("SELECT COUNT(*) FROM consultations WHERE id = ?"), {id}),
                1);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("writer-later"));

        // The next sync has nothing new in its streams, and still fetches that history.
        CacheOnThread cache(path);
        QVERIFY(cache.open());
        CacheSync sync(receiver->client(), *cache.worker);
        syncAll(sync);
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("reader-later"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QTRY_COMPARE_WITH_TIMEOUT(
            count(db,
                  QStringLiteral(
                      "SELECT COUNT(*) FROM messages WHERE consultation_id = ? AND kind = 'text'"),
                  {id}),
            4, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(count(db, QStringLiteral("SELECT COUNT(*) FROM history_pending")),
                                  0, 5000);
    }
};

QTEST_GUILESS_MAIN(TestCacheSync)
#include "tst_cachesync.moc"
