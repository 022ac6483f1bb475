#pragma once

#include "OutboxItem.h"
#include "app/core/Expected.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <memory>

// The outbox file (replies to send, and drafts of replies being written): separate from the cache,
// so that rebuilding a damaged cache can never lose an unsent reply, and synced to disk on every
// change (synchronous=FULL): a reply the user saw accepted survives a crash or power cut.
class OutboxStore
{
public:
    ~OutboxStore();
    OutboxStore(const OutboxStore &) = delete;
    OutboxStore &operator=(const OutboxStore &) = delete;

    static Expected<std::unique_ptr<OutboxStore>, QString> open(const QString &path);

    Expected<OutboxItem, QString> enqueueText(qint64 consultationId, const QString &text);
    // The recording is written to a file beside the outbox, and synced, before its row.
    Expected<OutboxItem, QString> enqueueVoice(qint64 consultationId, const QByteArray &oggOpus,
                                               qint64 durationMs, const QByteArray &waveform);
    // Queued and sending items, oldest first: what still has to reach the server.
    QList<OutboxItem> pending() const;
    // Every reply not yet stored by the server: pending ones and those it refused.
    QList<OutboxItem> undelivered() const;
    // The oldest item still to be delivered.
    std::optional<OutboxItem> nextPending() const;
    QList<OutboxItem> items(qint64 consultationId) const;
    std::optional<OutboxItem> item(const QString &clientMsgId) const;

    bool markSending(const QString &clientMsgId);
    bool markSent(const OutboxItem &item, qint64 serverMessageId);
    bool markFailed(const QString &clientMsgId, const QString &reason);
    // A failed item queued again, as it now is; nothing if it was not failed.
    std::optional<OutboxItem> retry(const QString &clientMsgId);

    // The reply being written for a consultation; empty text removes it.
    bool saveDraft(qint64 consultationId, const QString &text);
    QString draft(qint64 consultationId) const;
    // Every draft kept, by consultation (a handful: one per conversation being written).
    QHash<qint64, QString> drafts() const;

private:
    explicit OutboxStore(QString connectionName)
        : m_connectionName(std::move(connectionName))
    {}
    QSqlDatabase db() const { return QSqlDatabase::database(m_connectionName, false); }
    QList<OutboxItem> select(const QString &where, const QVariantList &values) const;
    static OutboxItem itemAt(const QSqlQuery &query);
    bool update(const QString &set, const QVariantList &values);

    QString m_connectionName;
    QString m_voiceFolder;
};
