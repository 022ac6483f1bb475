#pragma once

#include "app/core/Expected.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <memory>
#include <unordered_map>

// The server's SQLite database: opened in WAL mode with foreign keys on, migrated to the latest
// schema, and the source of the change counter that orders every sync stream.
class CommitGroup;

class Database
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // durable: fsync every commit (synchronous=FULL), so that an acknowledged change survives a
    // power cut, not only a crash of the process.
    static Expected<std::unique_ptr<Database>, QString> open(const QString &path,
                                                             bool durable = false);

    QSqlDatabase connection() const { return QSqlDatabase::database(m_connectionName, false); }
    // The next value of the server-wide change counter. One writer (this process) owns the
    // database, so an in-memory counter seeded from the stored maximum stays monotonic; a
    // PostgreSQL backend would use a SEQUENCE instead.
    qint64 nextSeq() { return ++m_seq; }
    bool isEmpty() const;
    // The statement for this SQL text, prepared on first use and kept for the connection's life.
    QSqlQuery &statement(const QString &sql);
    // Where WriteTransactions group their changes; none (each commits alone) unless the server
    // set one. Not owned.
    CommitGroup *commitGroup() const { return m_group; }
    void setCommitGroup(CommitGroup *group) { m_group = group; }

private:
    explicit Database(QString connectionName)
        : m_connectionName(std::move(connectionName))
    {}
    qint64 loadMaxSeq() const;

    QString m_connectionName;
    qint64 m_seq = 0;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
    CommitGroup *m_group = nullptr;
};
