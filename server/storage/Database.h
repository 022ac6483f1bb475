#pragma once

#include "SqlEngine.h"
#include "app/core/Expected.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QUuid>
#include <memory>
#include <unordered_map>

// The server's database: a SQLite file (the embedded default: WAL mode, foreign keys on) or a
// PostgreSQL database named by a postgresql:// URI (see PostgresLocation.h), migrated to the
// latest schema, and the source of the change counter that orders every sync stream.
class CommitGroup;

class Database
{
public:
    using Engine = SqlEngine;
    // The PostgreSQL channel on which a commit wakes the other nodes' change feeds.
    static constexpr const char *ChangeChannel = "consult_changes";

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // location: a file path, or a postgresql:// URI.
    // durable: fsync every commit (synchronous=FULL), so that an acknowledged change survives a
    // power cut, not only a crash of the process. PostgreSQL commits are as durable as its
    // own configuration makes them (synchronous_commit, synchronous standbys).
    static Expected<std::unique_ptr<Database>, QString> open(const QString &location,
                                                             bool durable = false);

    Engine engine() const { return m_engine; }
    QSqlDatabase connection() const { return QSqlDatabase::database(m_connectionName, false); }
    // The next value of the change counter that orders every sync stream; call it inside a
    // transaction. SQLite: one process owns the file, so an in-memory counter seeded from the
    // stored maximum. PostgreSQL: the change_counter row, shared by every node; incrementing it
    // locks it until the transaction ends, so seqs commit in the order they were handed out
    // and a reader that follows `seq > cursor` can never skip one.
    qint64 nextSeq();
    // PostgreSQL: whether a committed change was this process's own (its clients heard of it
    // when it was made); the record is kept until forgetOwnChangesUpTo passes it.
    bool isOwnChange(qint64 seq) const;
    // This process among the nodes: the payload of its NOTIFYs, so that it can tell its own.
    QString nodeId() const { return m_nodeId; }
    void forgetOwnChangesUpTo(qint64 seq);
    bool isEmpty() const;
    // The statement for this SQL text, prepared on first use and kept for the connection's life;
    // null (and nothing kept) when it cannot be prepared.
    QSqlQuery *statement(const QString &sql);
    // A command that PostgreSQL cannot prepare (NOTIFY, SAVEPOINT, ...): prepared and kept on
    // SQLite, sent as it is on PostgreSQL.
    bool command(const QString &sql);
    // One request's change inside an open transaction: a savepoint, kept (released into the
    // transaction) or undone, together with the seqs it took.
    // PostgreSQL: opens the connection again (after its backend died, or a failover: a
    // multi-host URI finds the new primary). Prepared statements and any open transaction are
    // gone with the old connection.
    bool reconnect();
    bool savepoint();
    bool releaseSavepoint();
    void rollbackToSavepoint();
    // Transaction control through the driver, which on PostgreSQL also reports a COMMIT that
    // the server turned into a rollback (a transaction aborted by an earlier error).
    bool begin();
    bool commit();
    void rollback();
    // Where WriteTransactions group their changes; none (each commits alone) unless the server
    // set one. Not owned.
    CommitGroup *commitGroup() const { return m_group; }
    void setCommitGroup(CommitGroup *group) { m_group = group; }

private:
    Database(Engine engine, QString connectionName)
        : m_engine(engine)
        , m_connectionName(std::move(connectionName))
    {}
    static Expected<std::unique_ptr<Database>, QString> openSqlite(const QString &path,
                                                                   bool durable);
    static Expected<std::unique_ptr<Database>, QString> openPostgres(const QString &uri);
    static bool configurePostgres(const QSqlDatabase &db);
    QStringList tablesWithSeq() const;
    qint64 loadMaxSeq() const;

    void endTransaction(bool committed);

    Engine m_engine;
    QString m_connectionName;
    const QString m_nodeId = QUuid::createUuid().toString(QUuid::Id128);
    // The seqs the open transaction took (PostgreSQL), and those of committed ones not yet
    // passed by the change feed, as [first, last] ranges in order.
    qint64 m_firstSeqTaken = 0;
    qint64 m_lastSeqTaken = 0;
    // At each open savepoint: what had been taken before it. Undoing a savepoint gives its
    // seqs back to the counter (and its lock, so another node may take them next).
    QList<std::pair<qint64, qint64>> m_savepoints;
    QList<std::pair<qint64, qint64>> m_ownChanges;
    qint64 m_seq = 0;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    CommitGroup *m_group = nullptr;
};
