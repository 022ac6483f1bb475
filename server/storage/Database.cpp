#include "Database.h"

#include "Migrations.h"
#include "PostgresLocation.h"
#include "Sql.h"

#include <QSqlError>
#include <QUuid>

namespace {

// The session-level advisory lock a node holds on its PostgreSQL database ("consult" in ASCII).
constexpr qint64 NodeLockKey = 0x636f6e73756c74;

QString newConnectionName()
{
    return QStringLiteral("server-") + QUuid::createUuid().toString(QUuid::Id128);
}

} // namespace

Expected<std::unique_ptr<Database>, QString> Database::open(const QString &location, bool durable)
{
    if (PostgresLocation::isPostgres(location))
        return openPostgres(location);
    return openSqlite(location, durable);
}

Expected<std::unique_ptr<Database>, QString> Database::openSqlite(const QString &path, bool durable)
{
    const QString name = newConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            return QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text());
    }
    std::unique_ptr<Database> database(new Database(Engine::SQLite, name));
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
    const auto migrated = migrate(db, serverMigrations(Engine::SQLite));
    if (!migrated)
        return migrated.error();
    database->m_seq = database->loadMaxSeq();
    return database;
}

Expected<std::unique_ptr<Database>, QString> Database::openPostgres(const QString &uri)
{
    const QString shown = PostgresLocation::redacted(uri);
    const auto options = PostgresLocation::connectOptions(uri);
    if (!options)
        return QStringLiteral("cannot use %1: %2").arg(shown, options.error().reason);
    const QString name = newConnectionName();
    QString failure;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        if (!db.isValid()) {
            failure = QStringLiteral("cannot open %1: Qt's PostgreSQL driver is not installed "
                                     "(Debian package libqt6sql6-psql)")
                          .arg(shown);
        } else {
            db.setConnectOptions(*options);
            if (!db.open())
                failure = QStringLiteral("cannot open %1: %2").arg(shown, db.lastError().text());
        }
    }
    if (!failure.isEmpty()) {
        QSqlDatabase::removeDatabase(name);
        return failure;
    }
    std::unique_ptr<Database> database(new Database(Engine::PostgreSQL, name));
    const QSqlDatabase db = database->connection();
    // A group's transaction lives for one turn of the event loop; one left open by a node that
    // stopped turning (a debugger, a hung disk) must not hold its locks for ever.
    if (!SqlStatement(db, QStringLiteral("SET idle_in_transaction_session_timeout = '10s'")).ok())
        return QStringLiteral("cannot configure %1").arg(shown);
    // The change counter is one node's (nextSeq): a second node writing the same database
    // would hand out the same numbers, and clients following a stream would skip changes.
    // The lock lives as long as this connection; migrations run under it too.
    {
        SqlStatement lock(db, QStringLiteral("SELECT pg_try_advisory_lock(?)"), {NodeLockKey});
        if (!lock.ok() || !lock.next())
            return QStringLiteral("cannot lock %1: %2").arg(shown, db.lastError().text());
        if (!lock.value(0).toBool())
            return QStringLiteral("%1 is already served by another server node; this version "
                                  "runs one node per PostgreSQL database")
                .arg(shown);
    }
    const auto migrated = migrate(db, serverMigrations(Engine::PostgreSQL));
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

bool Database::command(const QString &sql)
{
    if (m_engine == Engine::SQLite)
        return SqlStatement(*this, sql).ok();
    QSqlQuery query(connection());
    if (query.exec(sql))
        return true;
    qCWarning(lcSql).noquote() << "exec failed:" << query.lastError().text() << "sql:" << sql;
    return false;
}

bool Database::begin()
{
    QSqlDatabase db = connection();
    if (db.transaction())
        return true;
    qCWarning(lcSql).noquote() << "begin failed:" << db.lastError().text();
    return false;
}

bool Database::commit()
{
    QSqlDatabase db = connection();
    if (db.commit())
        return true;
    qCWarning(lcSql).noquote() << "commit failed:" << db.lastError().text();
    return false;
}

void Database::rollback()
{
    connection().rollback();
}

Database::~Database()
{
    m_statements.clear(); // prepared statements go before their connection
    {
        QSqlDatabase db = connection();
        if (db.isOpen() && m_engine == Engine::SQLite) {
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
QStringList Database::tablesWithSeq() const
{
    const QString sql =
        m_engine == Engine::SQLite
            ? QStringLiteral("SELECT m.name FROM sqlite_master m"
                             " JOIN pragma_table_info(m.name) c"
                             " WHERE m.type = 'table' AND c.name = 'seq'")
            : QStringLiteral("SELECT table_name FROM information_schema.columns"
                             " WHERE table_schema = current_schema() AND column_name = 'seq'");
    QStringList tables;
    SqlStatement query(connection(), sql);
    while (query.next())
        tables << query.text(0);
    return tables;
}

qint64 Database::loadMaxSeq() const
{
    qint64 max = 0;
    for (const QString &table : tablesWithSeq()) {
        // A table name from the schema, quoted: identifiers cannot be bound values.
        SqlStatement query(connection(), QStringLiteral("SELECT MAX(seq) FROM \"%1\"").arg(table));
        if (query.ok() && query.next())
            max = std::max(max, query.int64(0));
    }
    return max;
}
