#pragma once

#include "Records.h"
#include "SyncPage.h"
#include "app/domain/Principal.h"

#include <QSqlDatabase>
#include <optional>

class Database;

// Messages and the voice clips they reference. Writes expect the caller's Transaction.
class MessageStore
{
public:
    explicit MessageStore(Database &database);

    std::optional<Message> find(qint64 id) const;
    std::optional<Message> findByClientMsgId(const Principal &sender,
                                             const QString &clientMsgId) const;

    std::optional<Message> insertText(qint64 consultationId, const Principal &sender,
                                      const QString &clientMsgId, const QString &text, qint64 now);
    std::optional<Message> insertVoice(qint64 consultationId, const Principal &sender,
                                       const QString &clientMsgId, qint64 voiceClipId, qint64 now);
    std::optional<Message> insertSystem(qint64 consultationId, const QJsonObject &payload,
                                        qint64 now);
    std::optional<qint64> insertVoiceClip(const QByteArray &data, qint64 durationMs,
                                          const QString &waveform);
    // The clip of a voice message; nothing for another kind of message.
    std::optional<QByteArray> voiceClipData(qint64 messageId) const;

    // Messages of one consultation, ascending, the newest `limit` before `beforeId` (0 = newest).
    QList<Message> history(qint64 consultationId, qint64 beforeId, int limit, bool *more) const;
    SyncPage page(const Principal &principal, qint64 afterSeq, int limit) const;

private:
    // Stores `message` (its id and seq are assigned here) with the row's body and clip.
    std::optional<Message> insert(Message message, const QString &body, qint64 voiceClipId);

    Database &m_database;
};
