#include "Replies.h"

#include "app/outbox/OutboxSender.h"
#include "app/outbox/OutboxStore.h"

Replies::Replies(OutboxStore &outbox, OutboxSender &sender, QObject *parent)
    : QObject(parent)
    , m_outbox(outbox)
    , m_sender(sender)
{
    connect(&sender, &OutboxSender::itemChanged, this, &Replies::itemChanged);
}

Expected<OutboxItem, QString> Replies::sendText(qint64 consultationId, const QString &text)
{
    auto item = m_outbox.enqueueText(consultationId, text);
    if (!item)
        return item;
    m_outbox.saveDraft(consultationId, QString());
    Q_EMIT draftChanged(consultationId, QString());
    Q_EMIT itemChanged(*item);
    m_sender.wake();
    return item;
}

Expected<OutboxItem, QString> Replies::sendVoice(qint64 consultationId, const QByteArray &oggOpus,
                                                 qint64 durationMs, const QByteArray &waveform)
{
    auto item = m_outbox.enqueueVoice(consultationId, oggOpus, durationMs, waveform);
    if (!item)
        return item;
    Q_EMIT itemChanged(*item);
    m_sender.wake();
    return item;
}

void Replies::retry(const QString &clientMsgId)
{
    const auto item = m_outbox.retry(clientMsgId);
    if (!item)
        return;
    Q_EMIT itemChanged(*item);
    m_sender.wake();
}

QList<OutboxItem> Replies::written(qint64 consultationId) const
{
    return m_outbox.items(consultationId);
}

QString Replies::draft(qint64 consultationId) const
{
    return m_outbox.draft(consultationId);
}

QHash<qint64, QString> Replies::drafts() const
{
    return m_outbox.drafts();
}

void Replies::saveDraft(qint64 consultationId, const QString &text)
{
    if (m_outbox.saveDraft(consultationId, text))
        Q_EMIT draftChanged(consultationId, text.trimmed().isEmpty() ? QString() : text);
}
