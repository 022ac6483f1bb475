#pragma once

#include "app/core/Expected.h"

#include <QSqlDatabase>
#include <QString>
#include <memory>
#include <optional>

// The responder client's cache file for one server and account: opened in WAL mode with the
// search tokenizer, migrated to the latest schema. A damaged file (truncated, garbage header,
// not SQLite at all, an orphan write-ahead log, failing SQLite's own check) is moved aside
// with a timestamp and replaced by a fresh one: the cache is disposable, sync refills it, and
// unsent replies are kept elsewhere (the outbox), so nothing typed is lost.
//
// Not thread-safe: one instance lives on the storage worker thread.
class CacheDatabase
{
public:
    struct Recovery
    {
        QString reason;  // one line, for the user
        QString movedTo; // where the damaged file went
    };

    ~CacheDatabase();
    CacheDatabase(const CacheDatabase &) = delete;
    CacheDatabase &operator=(const CacheDatabase &) = delete;

    enum class Check
    {
        Quick, // header, size and schema: cheap enough for every start
        Full,  // also SQLite's quick_check, which reads every page (seconds for a large cache):
               // for a background check after start, or after an I/O error
    };
    static Expected<std::unique_ptr<CacheDatabase>, QString> open(const QString &path,
                                                                  Check check = Check::Quick);

    QSqlDatabase connection() const { return QSqlDatabase::database(m_connectionName, false); }
    // Set when the previous file was damaged and has been replaced.
    const std::optional<Recovery> &recovery() const { return m_recovery; }

    // Moves the file at `path` aside (it was found damaged while in use: `reason`) and opens a
    // fresh cache in its place. Close every connection to the old file first.
    static Expected<std::unique_ptr<CacheDatabase>, QString> replace(const QString &path,
                                                                     const QString &reason);

    // Why the file at `path` cannot be used as a cache, judged from its bytes alone; nullopt if
    // it looks sound (or does not exist).
    static std::optional<QString> inspectFile(const QString &path);
    // The same, and then SQLite's quick_check over every page, on a connection of its own
    // (callable from any thread, while the cache is in use: WAL readers do not block writers).
    static std::optional<QString> checkFile(const QString &path);

private:
    explicit CacheDatabase(QString connectionName)
        : m_connectionName(std::move(connectionName))
    {}

    QString m_connectionName;
    std::optional<Recovery> m_recovery;
};
