#include "MessageStore.h"

#include "Database.h"
#include "Sql.h"
#include "Visibility.h"

#include <QJsonDocument>
#include <algorithm>

namespace {
QString selectMessages()
{
    return QStringLiteral("SELECT ") + MessageRecord::columns() +
           QStringLiteral(" FROM messages m LEFT JOIN voice_clips v ON v.id = m.voice_clip_id ");
}
} // namespace

MessageStore::MessageStore(Database &database)
    : m_database(database)
{}

std::optional<MessageRecord> MessageStore::find(qint64 id) const
{
    SqlStatement query(m_database, selectMessages() + QStringLiteral("WHERE m.id = ?"), {id});
    if (!query.ok() || !query.next())
        return std::nullopt;
    return MessageRecord::fromRow(query);
}

std::optional<MessageRecord> MessageStore::findByClientMsgId(const Principal &sender,
                                                             const QString &clientMsgId) const
{
    SqlStatement query(
        m_database,
        selectMessages() +
            QStringLiteral("WHERE m.sender_kind = ? AND m.sender_id = ? AND m.client_msg_id = ?"),
        {sender.kindName(), sender.id, clientMsgId});
    if (!query.ok() || !query.next())
        return std::nullopt;
    return MessageRecord::fromRow(query);
}

std::optional<MessageRecord> MessageStore::insert(qint64 consultationId, const QString &senderKind,
                                                  qint64 senderId, const QString &clientMsgId,
                                                  const QString &kind, const QString &body,
                                                  qint64 voiceClipId, qint64 now)
{
    const qint64 seq = m_database.nextSeq();
    SqlStatement insert(
        m_database,
        QStringLiteral("INSERT INTO messages (consultation_id, sender_kind, sender_id,"
                       " client_msg_id, kind, body, voice_clip_id, created_at, seq)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {consultationId, senderKind, nullableId(senderId),
         clientMsgId.isEmpty() ? QVariant() : QVariant(clientMsgId), kind, body,
         nullableId(voiceClipId), now, seq});
    if (!insert.ok())
        return std::nullopt;
    MessageRecord record;
    record.id = insert.lastInsertId();
    record.consultationId = consultationId;
    record.senderKind = senderKind;
    record.senderId = senderId;
    record.clientMsgId = clientMsgId;
    record.kind = kind;
    record.body = body;
    record.voiceClipId = voiceClipId;
    record.createdAt = now;
    record.seq = seq;
    return record;
}

std::optional<MessageRecord> MessageStore::insertText(qint64 consultationId,
                                                      const Principal &sender,
                                                      const QString &clientMsgId,
                                                      const QString &text, qint64 now)
{
    return insert(consultationId, sender.kindName(), sender.id, clientMsgId, QStringLiteral("text"),
                  text, 0, now);
}

std::optional<MessageRecord> MessageStore::insertVoice(qint64 consultationId,
                                                       const Principal &sender,
                                                       const QString &clientMsgId,
                                                       qint64 voiceClipId, qint64 now)
{
    if (!insert(consultationId, sender.kindName(), sender.id, clientMsgId, QStringLiteral("voice"),
                {}, voiceClipId, now))
        return std::nullopt;
    return findByClientMsgId(sender, clientMsgId); // re-read for the clip's duration and waveform
}

std::optional<MessageRecord> MessageStore::insertSystem(qint64 consultationId,
                                                        const QJsonObject &payload, qint64 now)
{
    return insert(consultationId, QStringLiteral("system"), 0, {}, QStringLiteral("system"),
                  QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)), 0, now);
}

std::optional<qint64> MessageStore::insertVoiceClip(const QByteArray &data, qint64 durationMs,
                                                    const QString &waveform)
{
    SqlStatement insert(
        m_database,
        QStringLiteral("INSERT INTO voice_clips (duration_ms, bytes, waveform, data)"
                       " VALUES (?, ?, ?, ?)"),
        {durationMs, data.size(), waveform.isEmpty() ? QVariant() : QVariant(waveform), data});
    if (!insert.ok())
        return std::nullopt;
    return insert.lastInsertId();
}

std::optional<QByteArray> MessageStore::voiceClipData(qint64 voiceClipId) const
{
    SqlStatement query(m_database, QStringLiteral("SELECT data FROM voice_clips WHERE id = ?"),
                       {voiceClipId});
    if (!query.ok() || !query.next())
        return std::nullopt;
    return query.value(0).toByteArray();
}

QList<MessageRecord> MessageStore::history(qint64 consultationId, qint64 beforeId, int limit,
                                           bool *more) const
{
    SqlStatement query(
        m_database,
        selectMessages() +
            QStringLiteral("WHERE m.consultation_id = ? AND m.id < ? ORDER BY m.id DESC LIMIT ?"),
        {consultationId, beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max(), limit + 1});
    QList<MessageRecord> messages;
    while (query.next())
        messages << MessageRecord::fromRow(query);
    *more = messages.size() > limit;
    if (*more)
        messages.removeLast();
    std::reverse(messages.begin(), messages.end());
    return messages;
}

SyncPage MessageStore::page(const Principal &principal, qint64 afterSeq, int limit) const
{
    QVariantList values{afterSeq};
    values += visibleConsultationValues(principal);
    values << limit + 1;
    SqlStatement query(m_database,
                       selectMessages() +
                           QStringLiteral("JOIN consultations c ON c.id = m.consultation_id"
                                          " WHERE m.seq > ? AND ") +
                           visibleConsultationClause(principal) +
                           QStringLiteral(" ORDER BY m.seq LIMIT ?"),
                       values);
    SyncPage page;
    while (query.next()) {
        if (page.items.size() == limit) {
            page.more = true;
            break;
        }
        const MessageRecord record = MessageRecord::fromRow(query);
        page.lastSeq = record.seq;
        page.items.append(record.toJson());
    }
    return page;
}
