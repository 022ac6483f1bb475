#pragma once

#include "Principal.h"
#include "Records.h"
#include "SyncPage.h"

#include <QSqlDatabase>
#include <optional>

class Database;

// Messages and the voice clips they reference. Writes expect the caller's Transaction.
class MessageStore
{
public:
    explicit MessageStore(Database &database);

    std::optional<MessageRecord> find(qint64 id) const;
    std::optional<MessageRecord> findByClientMsgId(const Principal &sender,
                                                   const QString &clientMsgId) const;

    std::optional<MessageRecord> insertText(qint64 consultationId, const Principal &sender,
                                            const QString &clientMsgId, const QString &text,
                                            qint64 now);
    std::optional<MessageRecord> insertVoice(qint64 consultationId, const Principal &sender,
                                             const QString &clientMsgId, qint64 voiceClipId,
                                             qint64 now);
    std::optional<MessageRecord> insertSystem(qint64 consultationId, const QJsonObject &payload,
                                              qint64 now);
    std::optional<qint64> insertVoiceClip(const QByteArray &data, qint64 durationMs,
                                          const QString &waveform);
    std::optional<QByteArray> voiceClipData(qint64 voiceClipId) const;

    // Messages of one consultation, ascending, the newest `limit` before `beforeId` (0 = newest).
    QList<MessageRecord> history(qint64 consultationId, qint64 beforeId, int limit,
                                 bool *more) const;
    SyncPage page(const Principal &principal, qint64 afterSeq, int limit) const;

private:
    std::optional<MessageRecord> insert(qint64 consultationId, const QString &senderKind,
                                        qint64 senderId, const QString &clientMsgId,
                                        const QString &kind, const QString &body,
                                        qint64 voiceClipId, qint64 now);

    Database &m_database;
};
