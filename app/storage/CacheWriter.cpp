#include "CacheWriter.h"

#include "app/sql/SqlBinding.h"
#include "app/sql/Transaction.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace {

QVariant nullable(const QJsonValue &value)
{
    return value.isNull() || value.isUndefined() ? QVariant() : value.toVariant();
}

QString json(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    return {};
}

QString idList(const QJsonArray &ids)
{
    QStringList parts;
    for (const QJsonValue &id : ids)
        parts << QString::number(id.toInteger());
    return parts.join(QLatin1Char(','));
}

} // namespace

// "INSERT … ON CONFLICT (id) DO UPDATE": an update keeps the row, so the full-text triggers
// see an update rather than a delete they might miss. Prepared once per table: live events
// come through here one record at a time.
bool CacheWriter::upsertRow(const QString &table, const QStringList &columns,
                            const QVariantList &values)
{
    auto &query = m_upserts[table];
    if (!query) {
        QStringList placeholders;
        QStringList updates;
        for (const QString &column : columns) {
            placeholders << QStringLiteral("?");
            if (column != QLatin1String("id"))
                updates << column + QStringLiteral(" = excluded.") + column;
        }
        query = std::make_unique<QSqlQuery>(m_db);
        // An older version of a record (a late event) never overwrites a newer one.
        if (!query->prepare(
                QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (id) DO UPDATE SET %4"
                               " WHERE excluded.seq >= %1.seq")
                    .arg(table, columns.join(QLatin1Char(',')), placeholders.join(QLatin1Char(',')),
                         updates.join(QLatin1Char(',')))))
            return false;
    }
    for (int i = 0; i < values.size(); ++i)
        query->bindValue(i, sqlBindable(values.at(i)));
    return query->exec();
}

bool CacheWriter::upsert(const QString &stream, const QJsonObject &r)
{
    auto v = [&r](const char *key) {
        return r.value(QLatin1String(key));
    };
    if (stream == QLatin1String("departments"))
        return upsertRow(stream,
                         {QStringLiteral("id"), QStringLiteral("code"), QStringLiteral("name"),
                          QStringLiteral("name_en"), QStringLiteral("seq")},
                         {v("id").toInteger(), v("code").toString(), v("name").toString(),
                          v("nameEn").toString(), v("seq").toInteger()});
    if (stream == QLatin1String("responders"))
        return upsertRow(stream,
                         {QStringLiteral("id"), QStringLiteral("login"), QStringLiteral("name"),
                          QStringLiteral("department_id"), QStringLiteral("role"),
                          QStringLiteral("title"), QStringLiteral("active"), QStringLiteral("seq")},
                         {v("id").toInteger(), v("login").toString(), v("name").toString(),
                          v("departmentId").toInteger(), v("role").toString(),
                          v("title").toString(), v("active").toBool(), v("seq").toInteger()});
    if (stream == QLatin1String("representatives")) {
        const QJsonObject c = v("contact").toObject();
        return upsertRow(stream,
                         {QStringLiteral("id"), QStringLiteral("login"), QStringLiteral("name"),
                          QStringLiteral("kind"), QStringLiteral("delegation"),
                          QStringLiteral("sector"), QStringLiteral("organization"),
                          QStringLiteral("mobile"), QStringLiteral("office_phone"),
                          QStringLiteral("email"), QStringLiteral("address"),
                          QStringLiteral("seq")},
                         {v("id").toInteger(), v("login").toString(), v("name").toString(),
                          v("kind").toString(), v("delegation").toString(), v("sector").toString(),
                          v("organization").toString(), c.value(QLatin1String("mobile")).toString(),
                          c.value(QLatin1String("officePhone")).toString(),
                          c.value(QLatin1String("email")).toString(),
                          c.value(QLatin1String("address")).toString(), v("seq").toInteger()});
    }
    if (stream == QLatin1String("proposals"))
        return upsertRow(stream,
                         {QStringLiteral("id"), QStringLiteral("representative_id"),
                          QStringLiteral("number"), QStringLiteral("year"), QStringLiteral("kind"),
                          QStringLiteral("title"), QStringLiteral("category"),
                          QStringLiteral("status"), QStringLiteral("lead_department_id"),
                          QStringLiteral("co_department_ids"), QStringLiteral("reply_summary"),
                          QStringLiteral("seq")},
                         {v("id").toInteger(), v("representativeId").toInteger(),
                          v("number").toString(), v("year").toInteger(), v("kind").toString(),
                          v("title").toString(), v("category").toString(), v("status").toString(),
                          nullable(v("leadDepartmentId")), idList(v("coDepartmentIds").toArray()),
                          v("replySummary").toString(), v("seq").toInteger()});
    if (stream == QLatin1String("consultations"))
        return upsertRow(
            stream,
            {QStringLiteral("id"), QStringLiteral("representative_id"),
             QStringLiteral("department_id"), QStringLiteral("state"),
             QStringLiteral("assignee_id"), QStringLiteral("subject"), QStringLiteral("created_at"),
             QStringLiteral("claimed_at"), QStringLiteral("closed_at"),
             QStringLiteral("close_summary"), QStringLiteral("rating"),
             QStringLiteral("rating_comment"), QStringLiteral("rated_at"),
             QStringLiteral("last_transfer"), QStringLiteral("seq")},
            {v("id").toInteger(), v("representativeId").toInteger(), v("departmentId").toInteger(),
             v("state").toString(), nullable(v("assigneeId")), v("subject").toString(),
             v("createdAt").toInteger(), nullable(v("claimedAt")), nullable(v("closedAt")),
             v("closeSummary").toString(), nullable(v("rating")), v("ratingComment").toString(),
             nullable(v("ratedAt")),
             v("lastTransfer").isObject() ? QVariant(json(v("lastTransfer"))) : QVariant(),
             v("seq").toInteger()});
    if (stream == QLatin1String("messages")) {
        const QString kind = v("kind").toString();
        const QString payload =
            kind == QLatin1String("voice") ? json(v("voice")) : json(v("system"));
        return upsertRow(
            stream,
            {QStringLiteral("id"), QStringLiteral("consultation_id"), QStringLiteral("sender_kind"),
             QStringLiteral("sender_id"), QStringLiteral("client_msg_id"), QStringLiteral("kind"),
             QStringLiteral("text"), QStringLiteral("payload"), QStringLiteral("created_at"),
             QStringLiteral("seq")},
            {v("id").toInteger(), v("consultationId").toInteger(), v("senderKind").toString(),
             nullable(v("senderId")), nullable(v("clientMsgId")), kind, v("text").toString(),
             payload.isEmpty() ? QVariant() : QVariant(payload), v("createdAt").toInteger(),
             v("seq").toInteger()});
    }
    if (stream == QLatin1String("scripts")) {
        // A deleted script arrives as a tombstone with a newer seq.
        if (v("deleted").toBool()) {
            QSqlQuery drop(m_db);
            return execBound(drop, QStringLiteral("DELETE FROM scripts WHERE id = ? AND seq <= ?"),
                             {v("id").toInteger(), v("seq").toInteger()});
        }
        return upsertRow(
            stream,
            {QStringLiteral("id"), QStringLiteral("client_id"), QStringLiteral("record"),
             QStringLiteral("seq")},
            {v("id").toInteger(), v("clientId").toString(), json(r), v("seq").toInteger()});
    }
    return false;
}

bool CacheWriter::applyRecord(const QString &stream, const QJsonObject &record)
{
    return upsert(stream, record);
}

bool CacheWriter::removeConsultation(qint64 id)
{
    QSqlQuery query(m_db);
    return execBound(query, QStringLiteral("DELETE FROM messages WHERE consultation_id = ?"),
                     {id}) &&
           execBound(query, QStringLiteral("DELETE FROM consultations WHERE id = ?"), {id});
}

bool CacheWriter::applyPage(const QString &stream, const QJsonArray &items,
                            const QJsonArray &removed, const QString &cursor)
{
    Transaction transaction(m_db);
    bool ok = transaction.isOpen();
    for (const QJsonValue &item : items)
        ok = ok && upsert(stream, item.toObject());
    for (const QJsonValue &id : removed) // consultations only (docs/protocol.md, section 7)
        ok = ok && removeConsultation(id.toInteger());
    QSqlQuery save(m_db);
    ok = ok &&
         execBound(save,
                   QStringLiteral("INSERT INTO sync_cursors (stream, cursor) VALUES (?, ?)"
                                  " ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor"),
                   {stream, cursor});
    return ok && transaction.commit();
}
