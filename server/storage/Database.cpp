#include "Database.h"

#include "Migrations.h"
#include "PostgresLocation.h"
#include "Sql.h"

#include <QSqlError>
#include <QUuid>
#include <algorithm>
#include <tuple>

namespace {

// The advisory lock nodes take while they migrate a PostgreSQL database ("consult" in ASCII).
constexpr qint64 MigrationLockKey = 0x636f6e73756c74;

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
    if (!configurePostgres(db))
        return QStringLiteral("cannot configure %1").arg(shown);
    // Nodes starting together migrate one at a time (a session-level lock, released once the
    // schema and the change counter are in place).
    {
        SqlStatement lock(db, QStringLiteral("SELECT pg_advisory_lock(?)"), {MigrationLockKey});
        if (!lock.ok())
            return QStringLiteral("cannot lock %1: %2").arg(shown, db.lastError().text());
    }
    const auto migrated = migrate(db, serverMigrations(Engine::PostgreSQL));
    // The counter starts above every stored seq (a database migrated from before it).
    const bool counted =
        migrated &&
        SqlStatement(db,
                     QStringLiteral("INSERT INTO change_counter (id, value) VALUES (1, ?)"
                                    " ON CONFLICT (id) DO NOTHING"),
                     {database->loadMaxSeq()})
            .ok();
    SqlStatement(db, QStringLiteral("SELECT pg_advisory_unlock(?)"), {MigrationLockKey});
    if (!migrated)
        return migrated.error();
    if (!counted)
        return QStringLiteral("cannot set up the change counter of %1").arg(shown);
    return database;
}

QSqlQuery *Database::statement(const QString &sql)
{
    auto &slot = m_statements[sql];
    if (!slot) {
        auto query = std::make_unique<QSqlQuery>(connection());
        query->setForwardOnly(true);
        if (!query->prepare(sql)) {
            qCWarning(lcSql).noquote()
                << "prepare failed:" << query->lastError().text() << "sql:" << sql;
            // Not kept: on PostgreSQL a prepare fails inside an aborted transaction, and a
            // statement cached broken would fail for the rest of the process's life.
            m_statements.erase(sql);
            return nullptr;
        }
        slot = std::move(query);
    }
    return slot.get();
}

bool Database::configurePostgres(const QSqlDatabase &db)
{
    // A group's transaction lives for one turn of the event loop; one left open by a node that
    // stopped turning (a debugger, a hung disk) must not hold its locks for ever.
    // The change counter's row is waited for by every writing node: a node that cannot get it
    // within seconds fails that request (its client resends) instead of freezing. The
    // no-skip argument of the change feed assumes READ COMMITTED, whatever the role's default.
    for (const char *setting :
         {"SET idle_in_transaction_session_timeout = '10s'", "SET lock_timeout = '5s'",
          "SET default_transaction_isolation = 'read committed'"}) {
        if (!SqlStatement(db, QLatin1String(setting)).ok())
            return false;
    }
    return true;
}

bool Database::reconnect()
{
    if (m_engine != Engine::PostgreSQL)
        return false;
    m_statements.clear();
    endTransaction(false);
    QSqlDatabase db = connection();
    db.close();
    if (!db.open() || !configurePostgres(db)) {
        qCWarning(lcSql).noquote() << "cannot reconnect to the database:" << db.lastError().text();
        return false;
    }
    qCWarning(lcSql) << "reconnected to the database";
    return true;
}

qint64 Database::nextSeq()
{
    if (m_engine == Engine::SQLite)
        return ++m_seq;
    SqlStatement next(*this, QStringLiteral("UPDATE change_counter SET value = value + 1"
                                            " WHERE id = 1 RETURNING value"));
    const qint64 seq = next.returnedId();
    if (seq > 0) {
        // A savepoint rolled back gives its seqs back; they are taken again, still ours.
        m_firstSeqTaken = m_firstSeqTaken > 0 ? std::min(m_firstSeqTaken, seq) : seq;
        m_lastSeqTaken = std::max(m_lastSeqTaken, seq);
    }
    return seq;
}

void Database::endTransaction(bool committed)
{
    if (committed && m_lastSeqTaken > 0) {
        m_ownChanges.append({m_firstSeqTaken, m_lastSeqTaken});
        // A wake-up for the other nodes' change feeds, after the commit: inside the
        // transaction it would serialise every node's commits. It carries no data.
        command(QStringLiteral("NOTIFY %1, '%2'").arg(QLatin1String(ChangeChannel), m_nodeId));
    }
    m_firstSeqTaken = m_lastSeqTaken = 0;
    m_savepoints.clear();
}

// Savepoints of one name nest: RELEASE and ROLLBACK TO act on the innermost of that name.
bool Database::savepoint()
{
    if (!command(QStringLiteral("SAVEPOINT change")))
        return false;
    m_savepoints.append({m_firstSeqTaken, m_lastSeqTaken});
    return true;
}

bool Database::releaseSavepoint()
{
    if (!command(QStringLiteral("RELEASE change")))
        return false;
    if (!m_savepoints.isEmpty())
        m_savepoints.removeLast();
    return true;
}

void Database::rollbackToSavepoint()
{
    command(QStringLiteral("ROLLBACK TO change"));
    command(QStringLiteral("RELEASE change"));
    if (!m_savepoints.isEmpty())
        std::tie(m_firstSeqTaken, m_lastSeqTaken) = m_savepoints.takeLast();
}

bool Database::isOwnChange(qint64 seq) const
{
    return std::any_of(m_ownChanges.cbegin(), m_ownChanges.cend(), [seq](const auto &range) {
        return seq >= range.first && seq <= range.second;
    });
}

void Database::forgetOwnChangesUpTo(qint64 seq)
{
    while (!m_ownChanges.isEmpty() && m_ownChanges.constFirst().second <= seq)
        m_ownChanges.removeFirst();
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
    const bool committed = db.commit();
    if (!committed)
        qCWarning(lcSql).noquote() << "commit failed:" << db.lastError().text();
    endTransaction(committed);
    return committed;
}

void Database::rollback()
{
    connection().rollback();
    endTransaction(false);
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
