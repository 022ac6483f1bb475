#pragma once

#include "SyncPage.h"
#include "app/domain/Principal.h"
#include "app/domain/Vocabulary.h"

#include <QJsonObject>
#include <QStringList>
#include <optional>

class Database;
class SqlStatement;

// One reply script as the server keeps it (docs/protocol.md, section 13). A deleted script
// stays as a tombstone so that the deletion reaches every client through the stream.
struct ScriptRecord
{
    qint64 id = 0;
    QString clientId;
    QString scope; // department | personal
    qint64 departmentId = 0;
    qint64 ownerId = 0; // personal scripts: the responder; 0 for department scripts
    QString title;
    QString body;
    QString category;
    QStringList tags;
    QString validUntil; // YYYY-MM-DD, empty: none
    double position = 0;
    qint64 revision = 0;
    qint64 createdBy = 0;
    qint64 updatedBy = 0;
    qint64 updatedAt = 0;
    bool deleted = false;
    qint64 seq = 0;
    QString lastEditId; // the editId of the change that made this revision

    bool isDepartment() const { return scope == wireName(ScriptScope::Department); }
    QJsonObject toJson() const;
    static ScriptRecord fromRow(const SqlStatement &row);
    static QString columns();
};

// Reply scripts: department ones shared by a department, personal ones by their owner. Writes
// expect the caller's Transaction.
class ScriptStore
{
public:
    explicit ScriptStore(Database &database)
        : m_database(database)
    {}

    std::optional<ScriptRecord> find(qint64 id) const;
    std::optional<ScriptRecord> findByClientId(const QString &clientId) const;
    // Sets id, revision 1 and seq on success.
    bool insert(ScriptRecord &script);
    // Writes the content fields, a new revision and seq.
    bool update(ScriptRecord &script);
    bool markDeleted(ScriptRecord &script);
    // The scripts a responder sees: their department's and their own.
    SyncPage page(const Principal &principal, qint64 afterSeq, int limit) const;

private:
    Database &m_database;
};
