#pragma once

#include "ScriptEdit.h"
#include "app/core/Expected.h"

#include <QHash>
#include <QSqlDatabase>
#include <memory>

struct ScriptUsage;

// What this workstation knows of reply scripts that the server does not: changes not yet
// delivered, and how often the officer used each script. A file of its own beside the outbox
// (not the cache, which may be rebuilt from the server at any time), synced on every change.
class ScriptLocalStore
{
public:
    ~ScriptLocalStore();
    ScriptLocalStore(const ScriptLocalStore &) = delete;
    ScriptLocalStore &operator=(const ScriptLocalStore &) = delete;

    static Expected<std::unique_ptr<ScriptLocalStore>, QString> open(const QString &path);

    // Oldest first.
    QList<ScriptEdit> pending() const;
    // The oldest edit not yet delivered: what the delivery sends next.
    std::optional<ScriptEdit> nextPending() const;
    // Keeps at most one unsent change per script: a second change to a script whose earlier
    // change never left this workstation replaces it (keeping what it was based on), and
    // deleting a script that never reached the server forgets it altogether.
    Expected<ScriptEdit, QString> queue(ScriptEdit edit);
    bool markAttempted(qint64 seq);
    bool remove(qint64 seq);
    // The server stored a change: later changes to the same script are now based on this.
    bool rebase(const QString &clientId, qint64 id, qint64 revision);

    QHash<QString, ScriptUsage> usage() const;
    bool recordUse(const QString &clientId, qint64 at);

private:
    explicit ScriptLocalStore(QString connectionName)
        : m_connectionName(std::move(connectionName))
    {}
    QSqlDatabase db() const { return QSqlDatabase::database(m_connectionName, false); }
    std::optional<ScriptEdit> unsent(const QString &clientId) const;
    bool wasSent(const QString &clientId) const;
    bool insert(ScriptEdit &edit);

    QString m_connectionName;
};
