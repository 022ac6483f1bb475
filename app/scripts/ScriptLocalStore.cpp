#include "ScriptLocalStore.h"

#include "ScriptLibrary.h"
#include "app/sql/DurableDatabase.h"
#include "app/sql/SqlBinding.h"
#include "app/sql/Transaction.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace {

const QList<Migration> &localMigrations()
{
    static const QList<Migration> list{
        {1,
         {QStringLiteral("CREATE TABLE edits (seq INTEGER PRIMARY KEY, edit_id TEXT NOT NULL,"
                         " client_id TEXT NOT NULL, kind TEXT NOT NULL, script TEXT NOT NULL,"
                         " attempts INTEGER NOT NULL DEFAULT 0, created_at BIGINT NOT NULL)"),
          QStringLiteral("CREATE INDEX edits_client ON edits (client_id, seq)"),
          QStringLiteral("CREATE TABLE usage (client_id TEXT PRIMARY KEY,"
                         " count INTEGER NOT NULL, last_used_at BIGINT NOT NULL)")}}};
    return list;
}

// The script travels as its protocol record plus the two fields the record leaves out for
// a script the server has not stored.
QString scriptText(const ReplyScript &script)
{
    QJsonObject json = script.toJson();
    json.insert(QStringLiteral("id"), script.id);
    json.insert(QStringLiteral("revision"), script.revision);
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

ScriptEdit editFromRow(const QSqlQuery &row)
{
    ScriptEdit edit;
    edit.seq = row.value(0).toLongLong();
    edit.editId = row.value(1).toString();
    edit.kind = row.value(2).toString() == QLatin1String("delete") ? ScriptEdit::Kind::Delete
                                                                   : ScriptEdit::Kind::Save;
    edit.script =
        ReplyScript::fromJson(QJsonDocument::fromJson(row.value(3).toByteArray()).object());
    edit.attempts = row.value(4).toInt();
    edit.createdAt = row.value(5).toLongLong();
    return edit;
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

Expected<std::unique_ptr<ScriptLocalStore>, QString> ScriptLocalStore::open(const QString &path)
{
    const QString name = uniqueConnectionName(QStringLiteral("scripts"));
    if (const auto failure = openDurableDatabase(name, path, localMigrations()))
        return QStringLiteral("the script store ") + *failure;
    return std::unique_ptr<ScriptLocalStore>(new ScriptLocalStore(name));
}

ScriptLocalStore::~ScriptLocalStore()
{
    {
        QSqlDatabase connection = db();
        connection.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QList<ScriptEdit> ScriptLocalStore::pending() const
{
    QSqlQuery query(db());
    query.setForwardOnly(true);
    QList<ScriptEdit> edits;
    if (!execBound(query, QStringLiteral("SELECT seq, edit_id, kind, script, attempts, created_at"
                                         " FROM edits ORDER BY seq")))
        return edits;
    while (query.next())
        edits << editFromRow(query);
    return edits;
}

std::optional<ScriptEdit> ScriptLocalStore::nextPending() const
{
    QSqlQuery query(db());
    if (!execBound(query, QStringLiteral("SELECT seq, edit_id, kind, script, attempts, created_at"
                                         " FROM edits ORDER BY seq LIMIT 1")) ||
        !query.next())
        return std::nullopt;
    return editFromRow(query);
}

std::optional<ScriptEdit> ScriptLocalStore::unsent(const QString &clientId) const
{
    QSqlQuery query(db());
    if (!execBound(query,
                   QStringLiteral("SELECT seq, edit_id, kind, script, attempts, created_at"
                                  " FROM edits WHERE client_id = ? AND attempts = 0"
                                  " ORDER BY seq DESC LIMIT 1"),
                   {clientId}) ||
        !query.next())
        return std::nullopt;
    return editFromRow(query);
}

bool ScriptLocalStore::wasSent(const QString &clientId) const
{
    QSqlQuery query(db());
    return execBound(query,
                     QStringLiteral("SELECT 1 FROM edits WHERE client_id = ? AND attempts > 0"),
                     {clientId}) &&
           query.next();
}

bool ScriptLocalStore::insert(ScriptEdit &edit)
{
    QSqlQuery query(db());
    if (!execBound(query,
                   QStringLiteral("INSERT INTO edits (edit_id, client_id, kind, script,"
                                  " created_at) VALUES (?, ?, ?, ?, ?)"),
                   {edit.editId, edit.script.clientId,
                    edit.kind == ScriptEdit::Kind::Delete ? QStringLiteral("delete")
                                                          : QStringLiteral("save"),
                    scriptText(edit.script), edit.createdAt}))
        return false;
    edit.seq = query.lastInsertId().toLongLong();
    return true;
}

Expected<ScriptEdit, QString> ScriptLocalStore::queue(ScriptEdit edit)
{
    edit.editId = newId();
    edit.attempts = 0;
    const auto earlier = unsent(edit.script.clientId);
    if (earlier) {
        // What the server will see is still based on what the earlier change was based on.
        edit.script.id = earlier->script.id;
        edit.script.revision = earlier->script.revision;
    }
    QSqlDatabase connection = db();
    Transaction transaction(connection);
    if (!transaction.isOpen())
        return QStringLiteral("the script store is busy");
    bool ok = true;
    if (earlier) {
        QSqlQuery drop(connection);
        ok = execBound(drop, QStringLiteral("DELETE FROM edits WHERE seq = ?"), {earlier->seq});
    }
    // A script that never left this workstation is simply forgotten; one whose creation went
    // out (perhaps stored, the answer lost) is deleted on the server after it.
    const bool forgotten = edit.kind == ScriptEdit::Kind::Delete && edit.script.id == 0 &&
                           !wasSent(edit.script.clientId);
    if (ok && !forgotten)
        ok = insert(edit);
    if (!ok || !transaction.commit())
        return QStringLiteral("the change could not be saved on this computer");
    return edit;
}

bool ScriptLocalStore::markAttempted(qint64 seq)
{
    QSqlQuery query(db());
    return execBound(
        query, QStringLiteral("UPDATE edits SET attempts = attempts + 1 WHERE seq = ?"), {seq});
}

bool ScriptLocalStore::remove(qint64 seq)
{
    QSqlQuery query(db());
    return execBound(query, QStringLiteral("DELETE FROM edits WHERE seq = ?"), {seq});
}

bool ScriptLocalStore::rebase(const QString &clientId, qint64 id, qint64 revision)
{
    QSqlQuery select(db());
    if (!execBound(select,
                   QStringLiteral("SELECT seq, edit_id, kind, script, attempts, created_at"
                                  " FROM edits WHERE client_id = ?"),
                   {clientId}))
        return false;
    QList<ScriptEdit> edits;
    while (select.next())
        edits << editFromRow(select);
    for (ScriptEdit &edit : edits) {
        edit.script.id = id;
        edit.script.revision = revision;
        QSqlQuery update(db());
        if (!execBound(update, QStringLiteral("UPDATE edits SET script = ? WHERE seq = ?"),
                       {scriptText(edit.script), edit.seq}))
            return false;
    }
    return true;
}

QHash<QString, ScriptUsage> ScriptLocalStore::usage() const
{
    QHash<QString, ScriptUsage> usage;
    QSqlQuery query(db());
    if (!execBound(query, QStringLiteral("SELECT client_id, count, last_used_at FROM usage")))
        return usage;
    while (query.next())
        usage.insert(query.value(0).toString(),
                     {query.value(1).toInt(), query.value(2).toLongLong()});
    return usage;
}

bool ScriptLocalStore::recordUse(const QString &clientId, qint64 at)
{
    QSqlQuery query(db());
    return execBound(query,
                     QStringLiteral("INSERT INTO usage (client_id, count, last_used_at)"
                                    " VALUES (?, 1, ?) ON CONFLICT (client_id) DO UPDATE SET"
                                    " count = count + 1, last_used_at = excluded.last_used_at"),
                     {clientId, at});
}
