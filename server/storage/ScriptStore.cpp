#include "ScriptStore.h"

#include "Database.h"
#include "Sql.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

QString tagsJson(const QStringList &tags)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

QStringList tagsFromJson(const QString &text)
{
    QStringList tags;
    for (const QJsonValue &tag : QJsonDocument::fromJson(text.toUtf8()).array())
        tags << tag.toString();
    return tags;
}

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

} // namespace

QString ScriptRecord::columns()
{
    return QStringLiteral("id, client_id, scope, department_id, owner_id, title, body, category,"
                          " tags, valid_until, position, revision, created_by, updated_by,"
                          " updated_at, deleted, seq, last_edit_id");
}

ScriptRecord ScriptRecord::fromRow(const SqlStatement &row)
{
    ScriptRecord s;
    s.id = row.int64(0);
    s.clientId = row.text(1);
    s.scope = row.text(2);
    s.departmentId = row.int64(3);
    s.ownerId = row.int64(4);
    s.title = row.text(5);
    s.body = row.text(6);
    s.category = row.text(7);
    s.tags = tagsFromJson(row.text(8));
    s.validUntil = row.text(9);
    s.position = row.value(10).toDouble();
    s.revision = row.int64(11);
    s.createdBy = row.int64(12);
    s.updatedBy = row.int64(13);
    s.updatedAt = row.int64(14);
    s.deleted = row.int64(15) != 0;
    s.seq = row.int64(16);
    s.lastEditId = row.text(17);
    return s;
}

QJsonObject ScriptRecord::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("clientId"), clientId},
            {QStringLiteral("scope"), scope},
            {QStringLiteral("departmentId"), departmentId},
            {QStringLiteral("ownerId"), ownerId > 0 ? QJsonValue(ownerId) : QJsonValue()},
            {QStringLiteral("title"), title},
            {QStringLiteral("body"), body},
            {QStringLiteral("category"), category},
            {QStringLiteral("tags"), QJsonArray::fromStringList(tags)},
            {QStringLiteral("validUntil"), validUntil.isEmpty() ? QJsonValue() : validUntil},
            {QStringLiteral("position"), position},
            {QStringLiteral("revision"), revision},
            {QStringLiteral("updatedAt"), updatedAt},
            {QStringLiteral("updatedBy"), updatedBy},
            {QStringLiteral("deleted"), deleted},
            {QStringLiteral("seq"), seq}};
}

std::optional<ScriptRecord> ScriptStore::find(qint64 id) const
{
    SqlStatement query(m_database,
                       QStringLiteral("SELECT ") + ScriptRecord::columns() +
                           QStringLiteral(" FROM reply_scripts WHERE id = ?"),
                       {id});
    if (!query.ok() || !query.next())
        return std::nullopt;
    return ScriptRecord::fromRow(query);
}

std::optional<ScriptRecord> ScriptStore::findByClientId(const QString &clientId) const
{
    SqlStatement query(m_database,
                       QStringLiteral("SELECT ") + ScriptRecord::columns() +
                           QStringLiteral(" FROM reply_scripts WHERE client_id = ?"),
                       {clientId});
    if (!query.ok() || !query.next())
        return std::nullopt;
    return ScriptRecord::fromRow(query);
}

bool ScriptStore::insert(ScriptRecord &s)
{
    s.revision = 1;
    s.seq = m_database.nextSeq();
    SqlStatement insert(
        m_database,
        QStringLiteral("INSERT INTO reply_scripts (client_id, scope, department_id, owner_id,"
                       " title, body, category, tags, valid_until, position, revision, created_by,"
                       " updated_by, updated_at, deleted, seq, last_edit_id)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?) RETURNING id"),
        {s.clientId, s.scope, s.departmentId, nullableId(s.ownerId), s.title, s.body, s.category,
         tagsJson(s.tags), nullableText(s.validUntil), s.position, s.revision, s.createdBy,
         s.updatedBy, s.updatedAt, s.seq, s.lastEditId});
    if (!insert.ok())
        return false;
    s.id = insert.returnedId();
    return true;
}

bool ScriptStore::update(ScriptRecord &s)
{
    s.revision += 1;
    s.seq = m_database.nextSeq();
    SqlStatement update(
        m_database,
        QStringLiteral("UPDATE reply_scripts SET title = ?, body = ?, category = ?, tags = ?,"
                       " valid_until = ?, position = ?, revision = ?, updated_by = ?,"
                       " updated_at = ?, seq = ?, last_edit_id = ? WHERE id = ?"),
        {s.title, s.body, s.category, tagsJson(s.tags), nullableText(s.validUntil), s.position,
         s.revision, s.updatedBy, s.updatedAt, s.seq, s.lastEditId, s.id});
    return update.ok() && update.rowsAffected() == 1;
}

bool ScriptStore::markDeleted(ScriptRecord &s)
{
    s.revision += 1;
    s.seq = m_database.nextSeq();
    s.deleted = true;
    SqlStatement update(
        m_database,
        QStringLiteral("UPDATE reply_scripts SET deleted = 1, revision = ?, updated_by = ?,"
                       " updated_at = ?, seq = ?, last_edit_id = ? WHERE id = ?"),
        {s.revision, s.updatedBy, s.updatedAt, s.seq, s.lastEditId, s.id});
    return update.ok() && update.rowsAffected() == 1;
}

SyncPage ScriptStore::page(const Principal &p, qint64 afterSeq, int limit) const
{
    SqlStatement query(m_database,
                       QStringLiteral("SELECT ") + ScriptRecord::columns() +
                           QStringLiteral(" FROM reply_scripts WHERE seq > ? AND ((scope = ? AND"
                                          " department_id = ?) OR (scope = ? AND owner_id = ?))"
                                          " ORDER BY seq LIMIT ?"),
                       {afterSeq, wireName(ScriptScope::Department), p.departmentId,
                        wireName(ScriptScope::Personal), p.id, limit + 1});
    SyncPage page;
    while (query.next()) {
        if (page.items.size() == limit) {
            page.more = true;
            break;
        }
        const ScriptRecord record = ScriptRecord::fromRow(query);
        page.lastSeq = record.seq;
        page.items.append(record.toJson());
    }
    return page;
}
