// Numbered migrations: every path up to the latest gives the same schema and keeps the data.
#include "TestDatabase.h"
#include "server/storage/Database.h"
#include "server/storage/Migrations.h"
#include "server/storage/Sql.h"

#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// The schema as SQLite records it, in a stable order.
QStringList schemaOf(const QSqlDatabase &db)
{
    QStringList schema;
    SqlStatement query(db, QStringLiteral("SELECT type, name, sql FROM sqlite_master"
                                          " WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"));
    while (query.next())
        schema << query.text(0) + QLatin1Char(' ') + query.text(1) + QLatin1Char(' ') +
                      query.text(2);
    return schema;
}

// Every table's columns as "table.column", sorted: what both engines must agree on.
QStringList columnsOf(const QSqlDatabase &db, SqlEngine engine)
{
    const QString sql =
        engine == SqlEngine::SQLite
            ? QStringLiteral("SELECT m.name, c.name FROM sqlite_master m"
                             " JOIN pragma_table_info(m.name) c"
                             " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'")
            : QStringLiteral("SELECT table_name, column_name FROM information_schema.columns"
                             " WHERE table_schema = current_schema()");
    QStringList columns;
    SqlStatement query(db, sql);
    while (query.next())
        columns << query.text(0) + QLatin1Char('.') + query.text(1);
    columns.sort();
    return columns;
}

class ScratchDb
{
public:
    explicit ScratchDb(const QString &path)
        : m_name(QStringLiteral("scratch-") + path)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~ScratchDb()
    {
        QSqlDatabase::database(m_name).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name); }

private:
    QString m_name;
};

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir dir;

private Q_SLOTS:
    void versionsAreNumberedInOrder()
    {
        int expected = 1;
        for (const Migration &m : serverMigrations())
            QCOMPARE(m.version, expected++);
    }

    void freshDatabaseReachesLatest()
    {
        ScratchDb scratch(dir.filePath(QStringLiteral("fresh.sqlite")));
        const auto result = migrate(scratch.db(), serverMigrations());
        QVERIFY(result.hasValue());
        QCOMPARE(result.value(), latestSchemaVersion());
        // Running again is a no-op.
        const QStringList schema = schemaOf(scratch.db());
        QCOMPARE(migrate(scratch.db(), serverMigrations()).value(), latestSchemaVersion());
        QCOMPARE(schemaOf(scratch.db()), schema);
    }

    void everyIntermediateVersionMigratesToTheSameSchema_data()
    {
        QTest::addColumn<int>("from");
        for (const Migration &m : serverMigrations())
            QTest::newRow(qPrintable(QStringLiteral("from v%1").arg(m.version))) << m.version;
    }

    void everyIntermediateVersionMigratesToTheSameSchema()
    {
        QFETCH(int, from);
        ScratchDb fresh(dir.filePath(QStringLiteral("reference.sqlite")));
        QVERIFY(migrate(fresh.db(), serverMigrations()).hasValue());

        ScratchDb stepwise(dir.filePath(QStringLiteral("from-%1.sqlite").arg(from)));
        QCOMPARE(migrate(stepwise.db(), serverMigrations(), from).value(), from);
        // Data written at an older version must survive the later steps.
        QVERIFY(SqlStatement(stepwise.db(),
                             QStringLiteral("INSERT INTO departments (code, name, name_en, seq)"
                                            " VALUES (?, ?, ?, ?)"),
                             {QStringLiteral("jw"), QStringLiteral("市教委"),
                              QStringLiteral("Education"), 1})
                    .ok());
        QCOMPARE(migrate(stepwise.db(), serverMigrations()).value(), latestSchemaVersion());
        QCOMPARE(schemaOf(stepwise.db()), schemaOf(fresh.db()));
        SqlStatement kept(stepwise.db(),
                          QStringLiteral("SELECT name FROM departments WHERE code = ?"),
                          {QStringLiteral("jw")});
        QVERIFY(kept.next());
        QCOMPARE(kept.text(0), QStringLiteral("市教委"));
    }

    // Before migration 4 only leads were trusted with the department's wording; they keep that
    // trust as script editors, and nobody else gains it.
    void leadsBecomeScriptEditors()
    {
        ScratchDb db(dir.filePath(QStringLiteral("editors.sqlite")));
        QCOMPARE(migrate(db.db(), serverMigrations(), 3).value(), 3);
        QVERIFY(SqlStatement(db.db(),
                             QStringLiteral("INSERT INTO departments (id, code, name, name_en, seq)"
                                            " VALUES (1, 'jw', '市教委', 'Education', 1)"))
                    .ok());
        for (const char *role : {"lead", "responder"})
            QVERIFY(SqlStatement(db.db(),
                                 QStringLiteral("INSERT INTO responders (login, name,"
                                                " department_id, role, password_hash, seq)"
                                                " VALUES (?, ?, 1, ?, 'x', 2)"),
                                 {QLatin1String(role), QLatin1String(role), QLatin1String(role)})
                        .ok());
        QVERIFY(migrate(db.db(), serverMigrations(), 4).hasValue());
        SqlStatement editors(db.db(), QStringLiteral("SELECT login FROM responders"
                                                     " WHERE script_editor = 1"));
        QVERIFY(editors.next());
        QCOMPARE(editors.text(0), QStringLiteral("lead"));
        QVERIFY(!editors.next());
    }

    // Before migration 5 a proposal's status was stored as its Chinese word; it becomes the
    // protocol name, and the record gains an (empty) English category name.
    void proposalStatusesBecomeProtocolNames()
    {
        ScratchDb db(dir.filePath(QStringLiteral("wording.sqlite")));
        QCOMPARE(migrate(db.db(), serverMigrations(), 4).value(), 4);
        QVERIFY(SqlStatement(db.db(),
                             QStringLiteral("INSERT INTO proposals (representative_id, number,"
                                            " year, kind, title, category, status, seq)"
                                            " VALUES (1, ?, 2024, 'suggestion', ?, ?, ?, 1)"),
                             {QStringLiteral("0001"), QStringLiteral("关于加装电梯"),
                              QStringLiteral("城市建设与管理"), QStringLiteral("已答复")})
                    .ok());
        QVERIFY(migrate(db.db(), serverMigrations(), 5).hasValue());
        SqlStatement row(db.db(), QStringLiteral("SELECT status, category, category_en"
                                                 " FROM proposals"));
        QVERIFY(row.next());
        QCOMPARE(row.text(0), QStringLiteral("replied"));
        QCOMPARE(row.text(1), QStringLiteral("城市建设与管理"));
        QCOMPARE(row.text(2), QString());
    }

    void newerDatabaseIsRefused()
    {
        ScratchDb scratch(dir.filePath(QStringLiteral("future.sqlite")));
        QVERIFY(migrate(scratch.db(), serverMigrations()).hasValue());
        QVERIFY(
            SqlStatement(
                scratch.db(),
                QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"),
                {latestSchemaVersion() + 1, 0})
                .ok());
        const auto result = migrate(scratch.db(), serverMigrations());
        QVERIFY(!result.hasValue());
        QVERIFY(result.error().contains(QLatin1String("newer")));
    }

    void databaseOpensInWalModeWithForeignKeys()
    {
        const auto db = Database::open(dir.filePath(QStringLiteral("wal.sqlite")));
        QVERIFY(db.hasValue());
        SqlStatement mode((*db)->connection(), QStringLiteral("PRAGMA journal_mode"));
        QVERIFY(mode.next());
        QCOMPARE(mode.text(0), QStringLiteral("wal"));
        // A message for a consultation that does not exist is refused by the schema itself.
        QVERIFY(
            !SqlStatement((*db)->connection(),
                          QStringLiteral("INSERT INTO messages (consultation_id, sender_kind, kind,"
                                         " created_at, seq) VALUES (?, ?, ?, ?, ?)"),
                          {4242, QStringLiteral("system"), QStringLiteral("system"), 0, 1})
                 .ok());
    }

    void postgresTypeNames()
    {
        QCOMPARE(postgresStatement(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY,"
                                                  " n INTEGER NOT NULL, data BLOB, at REAL)")),
                 QStringLiteral("CREATE TABLE t (id BIGSERIAL PRIMARY KEY,"
                                " n BIGINT NOT NULL, data BYTEA, at DOUBLE PRECISION)"));
        // A key that is another table's id is not auto-numbered.
        QCOMPARE(postgresStatement(QStringLiteral("CREATE TABLE t (message_id INTEGER PRIMARY KEY"
                                                  " REFERENCES messages(id)) WITHOUT ROWID")),
                 QStringLiteral("CREATE TABLE t (message_id BIGINT PRIMARY KEY"
                                " REFERENCES messages(id))"));
    }

    void everyVersionMigratesOnPostgres_data()
    {
        everyIntermediateVersionMigratesToTheSameSchema_data();
    }

    // Under tests/testsupport/with-postgres.sh: each step runs on PostgreSQL too, from every
    // intermediate version, keeps what was written before it, and ends with the same tables
    // and columns as on SQLite.
    void everyVersionMigratesOnPostgres()
    {
        if (!TestDatabase::onPostgres())
            QSKIP("needs a PostgreSQL cluster: run under tests/testsupport/with-postgres.sh");
        QFETCH(int, from);
        ScratchDb sqlite(dir.filePath(QStringLiteral("columns.sqlite")));
        QVERIFY(migrate(sqlite.db(), serverMigrations()).hasValue());
        const QString name = QStringLiteral("pg-%1").arg(from);
        {
            QSqlDatabase pg = TestDatabase::inspect(TestDatabase::newLocation(dir.path()), name);
            QVERIFY(pg.isOpen());
            const auto &steps = serverMigrations(SqlEngine::PostgreSQL);
            QCOMPARE(migrate(pg, steps, from).value(), from);
            QVERIFY(SqlStatement(pg,
                                 QStringLiteral("INSERT INTO departments (code, name, name_en, seq)"
                                                " VALUES (?, ?, ?, ?)"),
                                 {QStringLiteral("jw"), QStringLiteral("市教委"),
                                  QStringLiteral("Education"), 1})
                        .ok());
            QCOMPARE(migrate(pg, steps).value(), latestSchemaVersion());
            QCOMPARE(columnsOf(pg, SqlEngine::PostgreSQL),
                     columnsOf(sqlite.db(), SqlEngine::SQLite));
            SqlStatement kept(pg, QStringLiteral("SELECT name FROM departments WHERE code = ?"),
                              {QStringLiteral("jw")});
            QVERIFY(kept.next());
            QCOMPARE(kept.text(0), QStringLiteral("市教委"));
            pg.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    // Two nodes on one PostgreSQL database take their seqs from one counter: never the same
    // number twice, in the order they committed, and each knows which changes were its own.
    void nodesShareOneChangeCounter()
    {
        if (!TestDatabase::onPostgres())
            QSKIP("needs a PostgreSQL cluster: run under tests/testsupport/with-postgres.sh");
        const QString location = TestDatabase::newLocation(dir.path());
        const auto a = Database::open(location);
        QVERIFY2(a.hasValue(), qPrintable(a.hasValue() ? QString() : a.error()));
        const auto b = Database::open(location);
        QVERIFY2(b.hasValue(), qPrintable(b.hasValue() ? QString() : b.error()));
        QCOMPARE((*a)->engine(), SqlEngine::PostgreSQL);
        QList<qint64> seqs;
        for (int round = 0; round < 3; ++round) {
            for (Database *node : {a->get(), b->get()}) {
                QVERIFY(node->begin());
                seqs << node->nextSeq() << node->nextSeq();
                QVERIFY(node->commit());
            }
        }
        for (int i = 1; i < seqs.size(); ++i)
            QCOMPARE(seqs.at(i), seqs.at(i - 1) + 1);
        QVERIFY((*a)->isOwnChange(seqs.at(0)) && (*a)->isOwnChange(seqs.at(1)));
        QVERIFY(!(*a)->isOwnChange(seqs.at(2)) && (*b)->isOwnChange(seqs.at(2)));
        // A rolled-back transaction's seqs are handed out again and were never anyone's.
        QVERIFY((*a)->begin());
        const qint64 lost = (*a)->nextSeq();
        (*a)->rollback();
        QVERIFY(!(*a)->isOwnChange(lost));
        QVERIFY((*b)->begin());
        QCOMPARE((*b)->nextSeq(), lost);
        QVERIFY((*b)->commit());
        // So are those of a request's change undone inside a transaction that commits.
        QVERIFY((*a)->begin());
        QVERIFY((*a)->savepoint());
        const qint64 undone = (*a)->nextSeq();
        (*a)->rollbackToSavepoint();
        QVERIFY((*a)->commit());
        QVERIFY(!(*a)->isOwnChange(undone));
        QVERIFY((*b)->begin());
        QCOMPARE((*b)->nextSeq(), undone);
        QVERIFY((*b)->commit());
        QVERIFY((*b)->isOwnChange(undone));
    }

    void unreachablePostgresIsReportedNotCrashed()
    {
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        const auto db = Database::open(QStringLiteral("postgresql://nobody:secret@127.0.0.1:1/x"));
        QVERIFY(!db.hasValue());
        QVERIFY2(db.error().startsWith(QLatin1String("cannot open postgresql://nobody:***@")),
                 qPrintable(db.error()));
    }

    void garbageFileIsReportedNotCrashed()
    {
        const QString path = dir.filePath(QStringLiteral("garbage.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
        file.close();
        QVERIFY(!Database::open(path).hasValue());
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
