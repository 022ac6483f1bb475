// The client cache file: a fresh one is migrated; every kind of damage is detected at start,
// the damaged file is moved aside with a timestamp, and a fresh cache takes its place.
#include "app/storage/CacheDatabase.h"
#include "app/storage/CacheSchema.h"
#include "app/storage/SearchText.h"
#include "app/storage/SearchTokenizer.h"

#include <QDir>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QStringList schemaOf(const QSqlDatabase &db)
{
    QStringList schema;
    QSqlQuery query(
        QStringLiteral("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
                       " ORDER BY type, name"),
        db);
    while (query.next())
        schema << query.value(0).toString() + QLatin1Char(' ') + query.value(1).toString() +
                      QLatin1Char(' ') + query.value(2).toString();
    return schema;
}

// A cache holding some messages, closed again.
void makeCache(const QString &path, int messages = 500)
{
    auto cache = CacheDatabase::open(path);
    QVERIFY(cache.hasValue());
    QSqlDatabase db = (*cache)->connection();
    QVERIFY(db.transaction());
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT INTO messages (id, consultation_id, sender_kind, kind, text, created_at, seq)"
        " VALUES (?, 1, 'representative', 'text', ?, 0, ?)"));
    for (int i = 1; i <= messages; ++i) {
        insert.bindValue(0, i);
        insert.bindValue(1, QStringLiteral("关于老旧小区加装电梯补贴的咨询，第%1条").arg(i));
        insert.bindValue(2, i);
        QVERIFY(insert.exec());
    }
    QVERIFY(db.commit());
}

QStringList damagedFilesIn(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("*.damaged-*")}, QDir::Files);
}

} // namespace

class TestCacheDatabase : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir dir;

private Q_SLOTS:
    void freshCacheIsMigratedAndSearchable()
    {
        const QString path = dir.filePath(QStringLiteral("fresh.sqlite"));
        makeCache(path);
        auto cache = CacheDatabase::open(path);
        QVERIFY(cache.hasValue());
        QVERIFY(!(*cache)->recovery().has_value());
        QCOMPARE(schemaVersion((*cache)->connection()), cacheMigrations().constLast().version);
        QSqlQuery search((*cache)->connection());
        search.prepare(
            QStringLiteral("SELECT COUNT(*) FROM messages_fts WHERE messages_fts MATCH ?"));
        search.addBindValue(searchMatchExpression(QStringLiteral("电梯")));
        QVERIFY(search.exec() && search.next());
        QCOMPARE(search.value(0).toInt(), 500);
    }

    void everyVersionMigratesToTheFreshSchema_data()
    {
        QTest::addColumn<int>("from");
        for (const Migration &m : cacheMigrations())
            QTest::newRow(qPrintable(QString::number(m.version))) << m.version;
    }

    void everyVersionMigratesToTheFreshSchema()
    {
        QFETCH(int, from);
        QStringList fresh;
        QStringList stepwise;
        for (int round = 0; round < 2; ++round) {
            const QString name = QStringLiteral("mig-%1-%2").arg(from).arg(round);
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                db.setDatabaseName(dir.filePath(name + QStringLiteral(".sqlite")));
                QVERIFY(db.open());
                QVERIFY(registerSearchTokenizer(db));
                if (round == 1)
                    QCOMPARE(migrate(db, cacheMigrations(), from).value(), from);
                QVERIFY(migrate(db, cacheMigrations()).hasValue());
                (round == 0 ? fresh : stepwise) = schemaOf(db);
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
        QCOMPARE(stepwise, fresh);
    }

    // Proposals cached before migration 8 carried their status as Chinese words: they read as
    // protocol names afterwards, and the proposals stream starts again (for the English
    // category names) while the other streams keep their place.
    void proposalStatusesBecomeProtocolNames()
    {
        const QString name = QStringLiteral("wording");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(dir.filePath(name + QStringLiteral(".sqlite")));
            QVERIFY(db.open());
            QVERIFY(registerSearchTokenizer(db));
            QCOMPARE(migrate(db, cacheMigrations(), 7).value(), 7);
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral(
                "INSERT INTO proposals (id, representative_id, number, year, kind, title,"
                " category, status, seq) VALUES (1, 1, '0001', 2024, 'suggestion', '关于加装电梯',"
                " '城市建设与管理', '已办结', 1), (2, 1, '0002', 2026, 'suggestion', '关于托育',"
                " '教育', '办理中', 2)")));
            QVERIFY(query.exec(QStringLiteral("INSERT INTO sync_cursors (stream, cursor) VALUES"
                                              " ('proposals', '2'), ('messages', '900')")));
            QVERIFY(migrate(db, cacheMigrations()).hasValue());
            QVERIFY(query.exec(QStringLiteral("SELECT status FROM proposals ORDER BY id")));
            QStringList statuses;
            while (query.next())
                statuses << query.value(0).toString();
            QCOMPARE(statuses,
                     (QStringList{QStringLiteral("concluded"), QStringLiteral("handling")}));
            QVERIFY(query.exec(QStringLiteral("SELECT stream FROM sync_cursors")));
            QStringList streams;
            while (query.next())
                streams << query.value(0).toString();
            QCOMPARE(streams, QStringList{QStringLiteral("messages")});
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    void damagedCachesAreMovedAsideAndReplaced_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("reason");
        QTest::newRow("truncated") << "truncated"
                                   << "truncated";
        QTest::newRow("garbage header") << "garbage header"
                                        << "not an SQLite database";
        QTest::newRow("not sqlite") << "not sqlite"
                                    << "not an SQLite database";
        QTest::newRow("orphan wal") << "orphan wal"
                                    << "write-ahead log";
        QTest::newRow("damaged pages") << "damaged pages"
                                       << "integrity";
    }

    void damagedCachesAreMovedAsideAndReplaced()
    {
        QFETCH(QString, damage);
        QFETCH(QString, reason);
        QTemporaryDir here;
        const QString path = here.filePath(QStringLiteral("cache.sqlite"));
        makeCache(path, 3000);
        QFile file(path);
        if (damage == QLatin1String("truncated")) {
            QVERIFY(file.resize(file.size() / 2 + 100));
        } else if (damage == QLatin1String("garbage header")) {
            QVERIFY(file.open(QIODevice::ReadWrite));
            file.write(QByteArray(100, '\x5a'));
            file.close();
        } else if (damage == QLatin1String("not sqlite")) {
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write("This is a note someone saved under the cache's name.\n");
            file.close();
        } else if (damage == QLatin1String("orphan wal")) {
            QVERIFY(file.rename(here.filePath(QStringLiteral("elsewhere.sqlite"))));
            QFile wal(path + QStringLiteral("-wal"));
            QVERIFY(wal.open(QIODevice::WriteOnly));
            wal.write(QByteArray(4096, '\x01'));
            wal.close();
        } else {
            // Overwrite interior pages, keeping header and size: only SQLite's own check sees it.
            QVERIFY(file.open(QIODevice::ReadWrite));
            for (qint64 at = 8192; at < file.size() - 4096; at += 16384) {
                file.seek(at);
                file.write(QByteArray(2048, '\x7f'));
            }
            file.close();
        }

        // Damaged pages inside a sound frame only show in the full check.
        const auto check = damage == QLatin1String("damaged pages") ? CacheDatabase::Check::Full
                                                                    : CacheDatabase::Check::Quick;
        auto cache = CacheDatabase::open(path, check);
        QVERIFY2(cache.hasValue(), qPrintable(cache.hasValue() ? QString() : cache.error()));
        QVERIFY((*cache)->recovery().has_value());
        QVERIFY2((*cache)->recovery()->reason.contains(reason),
                 qPrintable((*cache)->recovery()->reason));
        QVERIFY(!damagedFilesIn(here.path()).isEmpty());
        // The fresh cache works.
        QSqlQuery count((*cache)->connection());
        QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*) FROM messages")) && count.next());
        QCOMPARE(count.value(0).toInt(), 0);
        // And the next start finds nothing wrong.
        cache.value().reset();
        auto again = CacheDatabase::open(path, CacheDatabase::Check::Full);
        QVERIFY(again.hasValue());
        QVERIFY(!(*again)->recovery().has_value());
    }
};

QTEST_GUILESS_MAIN(TestCacheDatabase)
#include "tst_cachedatabase.moc"
