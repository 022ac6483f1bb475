// Client ingest benchmark (prints figures; never a test): a responder's cache, pre-filled with
// N messages (default 1,000,000; CONSULT_BENCH_MESSAGES) and 100,000 consultations, receives
// messages pushed live by the real server over loopback while representatives (the simulator,
// in its own process) send as fast as the server takes them. Prints the messages stored per second,
// the longest stall of the main (UI) thread meanwhile, and, as the ceiling, a bare SQLite insert
// rate into the same schema.
#include "CacheOnThread.h"
#include "IntegrationFixture.h"
#include "app/storage/SearchTokenizer.h"
#include "app/sync/CacheSync.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <cstdio>
#include <vector>

namespace {

constexpr int kPushed = 30000;
constexpr int kReps = 40; // every representative of the test database (TestDatabase)

void prefill(const QString &path, int messages)
{
    CacheOnThread cache(path); // creates the schema
    if (!cache.open())
        qFatal("cannot open the cache");
    QSqlDatabase db =
        QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("prefill"));
    db.setDatabaseName(path);
    db.open();
    registerSearchTokenizer(db);
    db.transaction();
    QSqlQuery consultation(db);
    consultation.prepare(QStringLiteral(
        "INSERT INTO consultations (id, representative_id, department_id, state, subject,"
        " created_at, seq) VALUES (?, 1, 1, 'closed', ?, 0, 0)"));
    for (int id = 1000001; id <= 1100000; ++id) {
        consultation.bindValue(0, id);
        consultation.bindValue(1, QStringLiteral("关于社区养老服务设施建设的咨询"));
        consultation.exec();
    }
    QSqlQuery message(db);
    message.prepare(QStringLiteral(
        "INSERT INTO messages (id, consultation_id, sender_kind, kind, text, created_at, seq)"
        " VALUES (?, ?, 'representative', 'text', ?, 0, 0)"));
    for (int id = 1; id <= messages; ++id) {
        message.bindValue(0, 100000000 + id);
        message.bindValue(1, 1000001 + id % 100000);
        message.bindValue(
            2, QStringLiteral("请问老旧小区加装电梯的补贴标准和申请流程是怎样的？第%1条").arg(id));
        message.exec();
        if (id % 100000 == 0) {
            db.commit();
            db.transaction();
        }
    }
    db.commit();
    db.close();
}

double bareInsertRate(const QString &path, int count)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bare"));
    db.setDatabaseName(path);
    db.open();
    registerSearchTokenizer(db);
    QSqlQuery message(db);
    message.prepare(QStringLiteral(
        "INSERT INTO messages (id, consultation_id, sender_kind, sender_id, client_msg_id,"
        " kind, text, created_at, seq) VALUES (?, 1000001, 'representative', 1, ?, 'text', ?, 0, "
        "0)"));
    QElapsedTimer timer;
    timer.start();
    db.transaction();
    for (int i = 0; i < count; ++i) {
        message.bindValue(0, 200000000 + i);
        message.bindValue(1, QStringLiteral("bare-%1").arg(i));
        message.bindValue(2, QStringLiteral("请问这个政策什么时候开始实施？"));
        message.exec();
        if (i % 100 == 99) { // the same batching a burst of live events gets
            db.commit();
            db.transaction();
        }
    }
    db.commit();
    return count * 1000.0 / std::max<qint64>(1, timer.elapsed());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int prefilled = qEnvironmentVariableIsSet("CONSULT_BENCH_MESSAGES")
                              ? qEnvironmentVariableIntValue("CONSULT_BENCH_MESSAGES")
                              : 1000000;
    IntegrationFixture fx({QStringLiteral("--rate"), QStringLiteral("100000"),
                           QStringLiteral("--burst"), QStringLiteral("100000")});
    if (!fx.start())
        return 1;
    const QString cachePath = fx.dir.filePath(QStringLiteral("client.cache"));
    prefill(cachePath, prefilled);

    auto responder = fx.responder(fx.cast.responderA1);
    if (!responder)
        return 1;
    CacheOnThread cache(cachePath);
    if (!cache.open())
        return 1;
    CacheSync sync(responder->client(), *cache.worker);
    std::atomic<int> stored{0};
    QObject::connect(
        cache.worker, &CacheWorker::recordsApplied, cache.worker, [&stored](int n) { stored += n; },
        Qt::DirectConnection);

    // The main thread's heartbeat: the longest gap between 1 ms ticks is its longest stall.
    QElapsedTimer clock;
    clock.start();
    qint64 lastTick = 0;
    qint64 longestStall = 0;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (lastTick > 0)
            longestStall = std::max(longestStall, now - lastTick);
        lastTick = now;
    });
    heartbeat.start(1);

    // Representatives, in a process of their own, send into the responder's department as fast
    // as the server takes them; the server pushes every message to the responder.
    QProcess representatives;
    representatives.setProcessChannelMode(QProcess::ForwardedErrorChannel); // its failures
    representatives.start(
        qEnvironmentVariable("CONSULT_REPSIM_BIN"),
        {QStringLiteral("--url"), fx.server.url().toString(), QStringLiteral("--reps"),
         QString::number(kReps), QStringLiteral("--rate"), QStringLiteral("20000"),
         QStringLiteral("--count"), QString::number(kPushed), QStringLiteral("--seconds"),
         QStringLiteral("300"), QStringLiteral("--voice-share"), QStringLiteral("0"),
         QStringLiteral("--department"), QString::number(fx.cast.deptA)});
    // Timing starts with the first stored message, after the representatives signed in.
    if (!QTest::qWaitFor([&] { return stored.load() > 0; }, 120000))
        return 1;
    const int before = stored.load();
    QElapsedTimer ingest;
    ingest.start();
    longestStall = 0; // the waiting above slept between slices; measure from here
    // A plain event loop, as the client runs (QTest::qWaitFor would sleep between slices).
    QEventLoop loop;
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (stored.load() >= kPushed || ingest.elapsed() > 300000)
            loop.quit();
    });
    check.start(20);
    loop.exec();
    if (stored.load() < kPushed)
        std::fprintf(stderr, "only %d of %d messages arrived\n", stored.load(), kPushed);
    const double seconds = ingest.elapsed() / 1000.0;
    heartbeat.stop();

    std::printf("ingest_cache_prefilled: %d messages (target: 1000000)\n", prefilled);
    std::printf("ingest_messages_per_s: %.0f msg/s (target: >= 10000)\n",
                (stored.load() - before) / seconds);
    std::printf("ingest_main_thread_longest_stall: %.1f ms (target: <= 16)\n", longestStall / 1e6);
    std::printf("ingest_bare_sqlite_insert_per_s: %.0f msg/s (target: ceiling)\n",
                bareInsertRate(cachePath, kPushed));
    representatives.waitForFinished(30000);
    fx.server.stop();
    return 0;
}
