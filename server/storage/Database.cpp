#include "Database.h"

#include "Migrations.h"
#include "Sql.h"

#include <QSqlError>
#include <QUuid>

Expected<std::unique_ptr<Database>, QString> Database::open(const QString &path, bool durable)
{
    const QString name = QStringLiteral("server-") + QUuid::createUuid().toString(QUuid::Id128);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            return QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text());
    }
    std::unique_ptr<Database> database(new Database(name));
    const QSqlDatabase db = database->connection();
    // WAL lets sync reads run beside writes; NORMAL keeps every commit durable against a
    // process crash (the WAL is on disk) at a fraction of FULL's fsync cost.
    // Checkpoints are the WalCheckpointer's job; the automatic one stays as a high safety net
    // (about 64 MB of WAL) in case that thread cannot keep up.
    for (const char *pragma :
         {"PRAGMA journal_mode=WAL",
          durable ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL",
          "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=5000", "PRAGMA wal_autocheckpoint=16000",
          // Each request is a savepoint in a group's transaction: its
          // statement journal stays in memory rather than a temp file.
          "PRAGMA temp_store=MEMORY",
          // 32 MiB of pages (the default is 2): the indexes a burst of
          // messages touches stay cached between groups.
          "PRAGMA cache_size=-32768"}) {
        if (!SqlStatement(db, QLatin1String(pragma)).ok())
            return QStringLiteral("cannot configure %1 (%2)").arg(path, QLatin1String(pragma));
    }
    const auto migrated = migrate(db, serverMigrations());
    if (!migrated)
        return migrated.error();
    database->m_seq = database->loadMaxSeq();
    return database;
}

QSqlQuery &Database::statement(const QString &sql)
{
    auto &slot = m_statements[sql];
    if (!slot) {
        slot = std::make_unique<QSqlQuery>(connection());
        slot->setForwardOnly(true);
        if (!slot->prepare(sql))
            qCWarning(lcSql).noquote()
                << "prepare failed:" << slot->lastError().text() << "sql:" << sql;
    }
    return *slot;
}

Database::~Database()
{
    m_statements.clear(); // prepared statements go before their connection
    {
        QSqlDatabase db = connection();
        if (db.isOpen()) {
            SqlStatement(db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool Database::isEmpty() const
{
    SqlStatement query(connection(), QStringLiteral("SELECT COUNT(*) FROM departments"));
    return query.ok() && query.next() && query.int64(0) == 0;
}

// Over every table with a seq column, found in the schema itself: a table added later can
// never be forgotten here (one was, and its changes were skipped after a restart).
qint64 Database::loadMaxSeq() const
{
    QStringList tables;
    {
        SqlStatement query(connection(),
                           QStringLiteral("SELECT m.name FROM sqlite_master m"
                                          " JOIN pragma_table_info(m.name) c"
                                          " WHERE m.type = 'table' AND c.name = 'seq'"));
        while (query.next())
            tables << query.text(0);
    }
    qint64 max = 0;
    for (const QString &table : std::as_const(tables)) {
        // A table name from the schema, quoted: identifiers cannot be bound values.
        SqlStatement query(connection(), QStringLiteral("SELECT MAX(seq) FROM \"%1\"").arg(table));
        if (query.ok() && query.next())
            max = std::max(max, query.int64(0));
    }
    return max;
}
