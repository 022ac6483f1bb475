#pragma once

#include "MessageRow.h"
#include "app/outbox/OutboxItem.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QSet>

#include <functional>

class CacheReader;

// One conversation: the newest page first, older pages as the officer scrolls up
// (fetchOlder), newer messages as they arrive (refresh), and the officer's own replies that
// are still in the outbox at the end with their delivery state.
class MessageListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        SenderKindRole,
        SenderNameRole,
        KindRole,
        TextRole,
        PayloadRole,
        CreatedAtRole,
        DeliveryRole, // a Delivery, as int
        ErrorRole,
        ClientMsgIdRole,
        OwnRole,
        VoiceDurationRole, // ms
        VoiceWaveformRole, // 5-bit packed, empty until known
        VoiceHeardRole,
        // When this console's officer wrote it (the outbox's time), which for a reply queued
        // offline is earlier than when the server stored it (CreatedAtRole).
        WrittenAtRole,
        // Voice: what a speech engine heard in it ("" until then), or why it could not.
        TranscriptRole,
        TranscriptFailureRole,
        // Voice: a transcript (or its failure) is known; false: still to be done.
        TranscribedRole,
        // Voice: TranscriptRole is a responder's correction; the engine's text, for "show
        // the original"; the revision of the server's record a correction is made from.
        TranscriptCorrectedRole,
        TranscriptOriginalRole,
        TranscriptRevisionRole,
        // Voice: the server is turning it into text now.
        TranscriptQueuedRole,
        // Voice: QVariantList of {text, startMs, endMs} maps, where the engine gave word times.
        TranscriptWordsRole,
    };
    enum class Delivery
    {
        None, // someone else's message, or a system entry
        Queued,
        Sending,
        Sent,
        Failed,
    };
    Q_ENUM(Delivery)

    explicit MessageListModel(CacheReader *reader, QObject *parent = nullptr);

    // The consultation to show, and who "I" am (own replies are marked).
    void setConsultation(qint64 consultationId, qint64 ownResponderId);
    qint64 consultationId() const { return m_consultationId; }
    void setPageSize(int rows) { m_pageSize = rows; }
    // The officer's replies to this consultation that the server does not have yet.
    // The consultation's replies still in the outbox when it is opened (sent ones are shown as
    // the server's messages)...
    void setOutboxItems(const QList<OutboxItem> &items);
    // A voice message was transcribed here (or could not be): shown at once.
    void applyTranscript(qint64 messageId, const QString &text, const QString &failure);
    // ...and then each change to one of them as it happens: added when written, updated in
    // place while it goes out, dropped once the server's copy is in the cache.
    void applyOutboxItem(const OutboxItem &item);

    bool canFetchOlder() const { return m_moreOlder && m_olderTicket == 0; }
    void fetchOlder();
    int rowOfMessage(qint64 messageId) const;
    // Voice state learnt after loading (the cache keeps it too).
    void setVoiceHeard(qint64 messageId);
    void setVoiceWaveform(qint64 messageId, const QByteArray &packed);
    qint64 newestMessageId() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

public Q_SLOTS:
    void refresh(const QList<qint64> &consultationIds);
    // These messages changed in the cache (a transcript came in): read again where shown.
    void refreshMessages(const QList<qint64> &messageIds);

Q_SIGNALS:
    void newestLoaded();     // the first page after setConsultation
    void olderLoaded(int n); // n rows were put on top

private:
    void onFetched(quint64 ticket, const QList<MessageRow> &rows, bool more);
    void request(quint64 &ticket, qint64 beforeId, qint64 afterId);
    int serverCount() const { return static_cast<int>(m_messages.size()); }
    void dropDelivered();
    void updateMessage(qint64 messageId, const std::function<void(MessageRow &)> &edit);

    QPointer<CacheReader> m_reader;
    qint64 m_consultationId = 0;
    qint64 m_ownId = 0;
    QList<MessageRow> m_messages;
    QList<OutboxItem> m_outbox;         // shown after the messages
    QHash<QString, qint64> m_writtenAt; // by clientMsgId: the replies written here
    int m_pageSize = 100;
    bool m_moreOlder = false;
    quint64 m_olderTicket = 0;
    quint64 m_newerTicket = 0;
    QSet<quint64> m_changedTickets; // transcripts being read again
    bool m_newerAgain = false;
};
