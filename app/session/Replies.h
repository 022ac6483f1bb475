#pragma once

#include "app/core/Expected.h"
#include "app/outbox/OutboxItem.h"

#include <QObject>

class OutboxSender;
class OutboxStore;

// Replying to consultations, as the conversation asks for it: what the officer writes goes to
// the outbox first (safe from then on, offline too), then out whenever the session is online;
// a failed reply is tried again on request; drafts are kept per consultation. The widgets ask
// for these intents and show the answers; the outbox and its delivery stay below.
class Replies : public QObject
{
    Q_OBJECT
public:
    Replies(OutboxStore &outbox, OutboxSender &sender, QObject *parent = nullptr);

    // Queued for sending (and the consultation's draft cleared), or why it could not be kept.
    Expected<OutboxItem, QString> sendText(qint64 consultationId, const QString &text);
    Expected<OutboxItem, QString> sendVoice(qint64 consultationId, const QByteArray &oggOpus,
                                            qint64 durationMs, const QByteArray &waveform);
    void retry(const QString &clientMsgId);

    // The consultation's replies written here, sent or not, oldest first.
    QList<OutboxItem> written(qint64 consultationId) const;

    QString draft(qint64 consultationId) const;
    QHash<qint64, QString> drafts() const;
    void saveDraft(qint64 consultationId, const QString &text);

Q_SIGNALS:
    // A reply was written, went out, arrived or failed: the item as it now is (what the
    // conversation's model applies, without reading the outbox again).
    void itemChanged(const OutboxItem &item);
    // The consultation's draft is now this ("" when none is left: sent or emptied).
    void draftChanged(qint64 consultationId, const QString &text);

private:
    OutboxStore &m_outbox;
    OutboxSender &m_sender;
};
