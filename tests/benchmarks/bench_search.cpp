// Cache search benchmark (prints figures; never a test): an FTS5 index with the project's
// unigram+bigram tokenizer over N messages of realistic Chinese text (default 1,000,000; set
// CONSULT_BENCH_MESSAGES), then p50/p95 latency of 1- to 6-character queries returning the
// newest 50 hits, warm, and the index size relative to the text. CONSULT_BENCH_SEARCH_OPTIONS
// replaces the index options (SearchIndexOptions), to weigh others.
#include "Percentile.h"
#include "app/storage/SearchText.h"
#include "app/storage/SearchTokenizer.h"
#include "server/demo/DemoCatalog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <random>

namespace {

qint64 scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(sql, db);
    return q.next() ? q.value(0).toLongLong() : 0;
}

// Sentences people actually write in consultations and proposals.
QStringList corpus()
{
    const DemoCatalog catalog = buildDemoCatalog();
    QStringList sentences;
    for (const DemoConsultation &c : catalog.consultations) {
        sentences << c.subject << c.closeSummary;
        for (const DemoMessage &m : c.messages) {
            if (!m.text.isEmpty())
                sentences << m.text;
        }
    }
    for (const DemoProposal &p : catalog.proposals) {
        sentences << p.title;
        if (!p.replySummary.isEmpty())
            sentences << p.replySummary;
    }
    return sentences;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = qEnvironmentVariableIsSet("CONSULT_BENCH_MESSAGES")
                          ? qEnvironmentVariableIntValue("CONSULT_BENCH_MESSAGES")
                          : 1000000;
    const QStringList sentences = corpus();
    QTemporaryDir dir;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"));
    db.setDatabaseName(dir.filePath(QStringLiteral("cache.sqlite")));
    if (!db.open() || !registerSearchTokenizer(db))
        return 1;
    QSqlQuery setup(db);
    setup.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    setup.exec(
        QStringLiteral("CREATE TABLE messages (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"));
    setup.exec(
        QStringLiteral("CREATE VIRTUAL TABLE messages_fts USING fts5(body, content='messages',"
                       " content_rowid='id', %1)")
            .arg(qEnvironmentVariable("CONSULT_BENCH_SEARCH_OPTIONS",
                                      QLatin1String(SearchIndexOptions))));

    std::mt19937 random(3);
    QElapsedTimer timer;
    timer.start();
    db.transaction();
    QSqlQuery insertMessage(db);
    insertMessage.prepare(QStringLiteral("INSERT INTO messages (id, body) VALUES (?, ?)"));
    QSqlQuery insertIndex(db);
    insertIndex.prepare(QStringLiteral("INSERT INTO messages_fts (rowid, body) VALUES (?, ?)"));
    for (int id = 1; id <= count; ++id) {
        QString body = sentences.at(random() % sentences.size());
        if (random() % 3 == 0)
            body += sentences.at(random() % sentences.size());
        insertMessage.bindValue(0, id);
        insertMessage.bindValue(1, body);
        insertMessage.exec();
        insertIndex.bindValue(0, id);
        insertIndex.bindValue(1, body);
        insertIndex.exec();
        if (id % 100000 == 0) {
            db.commit();
            db.transaction();
        }
    }
    db.commit();
    const double indexSeconds = timer.elapsed() / 1000.0;

    // As the cache's reader asks (CacheReader::searchMessageIndex): the index, and for parts
    // of three units or more the text as well.
    QSqlQuery search(db);
    search.prepare(QStringLiteral(
        "SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT 50"));
    QSqlQuery checked(db);
    checked.prepare(QStringLiteral(
        "SELECT f.rowid FROM messages_fts f JOIN messages m ON m.id = f.rowid"
        " WHERE messages_fts MATCH ? AND search_contains(m.body, ?) ORDER BY f.rowid DESC"
        " LIMIT 50"));
    QList<double> latencies;
    QList<double> byLength[7];
    for (int round = 0; round < 600; ++round) {
        const QString &source = sentences.at(random() % sentences.size());
        const int length = 1 + round % 6;
        const QString query = source.mid(
            static_cast<int>(random() % std::max<qsizetype>(1, source.size() - length)), length);
        if (query.size() != length || searchUnits(query).size() != length)
            continue;
        const auto run = [&] {
            QSqlQuery &q = searchNeedsCheck(query) ? checked : search;
            q.bindValue(0, searchMatchExpression(query));
            if (searchNeedsCheck(query))
                q.bindValue(1, query);
            q.exec();
            while (q.next()) {
            }
        };
        run(); // warm
        QElapsedTimer one;
        one.start();
        run();
        const double ms = one.nsecsElapsed() / 1e6;
        latencies << ms;
        byLength[length] << ms;
    }

    const qint64 textBytes =
        scalar(db, QStringLiteral("SELECT SUM(LENGTH(CAST(body AS BLOB))) FROM messages"));
    // Every page the index's shadow tables hold (its segments, their directory, its settings
    // and, if declared, the token counts per row), as the file grows by them.
    const qint64 indexBytes = scalar(
        db, QStringLiteral("SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'messages_fts%'"));
    const qint64 segmentBytes =
        scalar(db, QStringLiteral("SELECT SUM(LENGTH(block)) FROM messages_fts_data"));
    std::printf("search_messages_indexed: %d messages (target: 1000000)\n", count);
    std::printf("search_index_build: %.1f s (target: -)\n", indexSeconds);
    std::printf("search_latency_p50: %.2f ms (target: -)\n", percentile(latencies, 50));
    std::printf("search_latency_p95: %.2f ms (target: <= 10 warm)\n", percentile(latencies, 95));
    for (int length = 1; length <= 6; ++length)
        std::printf("search_latency_p95_%d_chars: %.2f ms (target: <= 10 warm)\n", length,
                    percentile(byLength[length], 95));
    std::printf("search_index_size_ratio: %.2f x text (target: <= 1.2)\n",
                textBytes ? double(indexBytes) / textBytes : 0.0);
    std::printf("search_index_segments_ratio: %.2f x text (target: -)\n",
                textBytes ? double(segmentBytes) / textBytes : 0.0);
    return 0;
}
