#include "MessageStore.h"

#include "Database.h"
#include "Sql.h"
#include "Visibility.h"

#include <QJsonDocument>
#include <algorithm>

namespace {
QString selectMessages()
{
    return QStringLiteral("SELECT ") + MessageRows::columns() +
           QStringLiteral(" FROM messages m LEFT JOIN voice_clips v ON v.id = m.voice_clip_id ");
}
} // namespace

MessageStore::MessageStore(Database &database)
    : m_database(database)
{}

std::optional<Message> MessageStore::find(qint64 id) const
{
    SqlStatement query(m_database, selectMessages() + QStringLiteral("WHERE m.id = ?"), {id});
    if (!query.ok() || !query.next())
        return std::nullopt;
    return MessageRows::read(query);
}

std::optional<Message> MessageStore::findByClientMsgId(const Principal &sender,
                                                       const QString &clientMsgId) const
{
    SqlStatement query(
        m_database,
        selectMessages() +
            QStringLiteral("WHERE m.sender_kind = ? AND m.sender_id = ? AND m.client_msg_id = ?"),
        {sender.kindName(), sender.id, clientMsgId});
    if (!query.ok() || !query.next())
        return std::nullopt;
    return MessageRows::read(query);
}

std::optional<Message> MessageStore::insert(Message message, const QString &body,
                                            qint64 voiceClipId)
{
    message.seq = m_database.nextSeq();
    SqlStatement insert(
        m_database,
        QStringLiteral("INSERT INTO messages (consultation_id, sender_kind, sender_id,"
                       " client_msg_id, kind, body, voice_clip_id, created_at, seq)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {message.consultationId, wireName(message.senderKind), nullableId(message.senderId),
         message.clientMsgId.isEmpty() ? QVariant() : QVariant(message.clientMsgId),
         wireName(message.kind), body, nullableId(voiceClipId), message.createdAt, message.seq});
    if (!insert.ok())
        return std::nullopt;
    message.id = insert.returnedId();
    return message;
}

namespace {
Message fromSender(qint64 consultationId, const Principal &sender, const QString &clientMsgId,
                   MessageKind kind, qint64 now)
{
    Message m;
    m.consultationId = consultationId;
    m.senderKind = sender.isResponder() ? SenderKind::Responder : SenderKind::Representative;
    m.senderId = sender.id;
    m.clientMsgId = clientMsgId;
    m.kind = kind;
    m.createdAt = now;
    return m;
}
} // namespace

std::optional<Message> MessageStore::insertText(qint64 consultationId, const Principal &sender,
                                                const QString &clientMsgId, const QString &text,
                                                qint64 now)
{
    Message m = fromSender(consultationId, sender, clientMsgId, MessageKind::Text, now);
    m.text = text;
    return insert(m, text, 0);
}

std::optional<Message> MessageStore::insertVoice(qint64 consultationId, const Principal &sender,
                                                 const QString &clientMsgId, qint64 voiceClipId,
                                                 qint64 now)
{
    if (!insert(fromSender(consultationId, sender, clientMsgId, MessageKind::Voice, now), {},
                voiceClipId))
        return std::nullopt;
    return findByClientMsgId(sender, clientMsgId); // re-read for the clip's duration and waveform
}

std::optional<Message> MessageStore::insertSystem(qint64 consultationId, const QJsonObject &payload,
                                                  qint64 now)
{
    Message m;
    m.consultationId = consultationId;
    m.senderKind = SenderKind::System;
    m.kind = MessageKind::System;
    m.system = payload;
    m.createdAt = now;
    return insert(m, QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)), 0);
}

std::optional<qint64> MessageStore::insertVoiceClip(const QByteArray &data, qint64 durationMs,
                                                    const QString &waveform)
{
    SqlStatement insert(
        m_database,
        QStringLiteral("INSERT INTO voice_clips (duration_ms, bytes, waveform, data)"
                       " VALUES (?, ?, ?, ?) RETURNING id"),
        {durationMs, data.size(), waveform.isEmpty() ? QVariant() : QVariant(waveform), data});
    if (!insert.ok())
        return std::nullopt;
    return insert.returnedId();
}

std::optional<QByteArray> MessageStore::voiceClipData(qint64 messageId) const
{
    SqlStatement query(m_database,
                       QStringLiteral("SELECT v.data FROM messages m"
                                      " JOIN voice_clips v ON v.id = m.voice_clip_id"
                                      " WHERE m.id = ?"),
                       {messageId});
    if (!query.ok() || !query.next())
        return std::nullopt;
    return query.value(0).toByteArray();
}

QList<Message> MessageStore::history(qint64 consultationId, qint64 beforeId, int limit,
                                     bool *more) const
{
    SqlStatement query(
        m_database,
        selectMessages() +
            QStringLiteral("WHERE m.consultation_id = ? AND m.id < ? ORDER BY m.id DESC LIMIT ?"),
        {consultationId, beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max(), limit + 1});
    QList<Message> messages;
    while (query.next())
        messages << MessageRows::read(query);
    *more = messages.size() > limit;
    if (*more)
        messages.removeLast();
    std::reverse(messages.begin(), messages.end());
    return messages;
}

SyncPage MessageStore::page(const Principal &principal, qint64 afterSeq, int limit) const
{
    return visibleSyncPage(
        m_database,
        selectMessages() + QStringLiteral("JOIN consultations c ON c.id = m.consultation_id"),
        QStringLiteral("m.seq"), principal, afterSeq, limit, [](const SqlStatement &row) {
            const Message record = MessageRows::read(row);
            return std::make_pair(record.toJson(), record.seq);
        });
}
