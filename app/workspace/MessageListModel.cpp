#include "MessageListModel.h"

#include "CacheReader.h"

#include <QSet>

MessageListModel::MessageListModel(CacheReader *reader, QObject *parent)
    : QAbstractListModel(parent)
    , m_reader(reader)
{
    connect(reader, &CacheReader::messagesFetched, this, &MessageListModel::onFetched);
}

void MessageListModel::setConsultation(qint64 consultationId, qint64 ownResponderId)
{
    beginResetModel();
    m_consultationId = consultationId;
    m_ownId = ownResponderId;
    m_messages.clear();
    m_outbox.clear();
    m_writtenAt.clear();
    m_moreOlder = true;
    m_olderTicket = 0;
    m_newerTicket = 0;
    m_newerAgain = false;
    m_changedTickets.clear();
    endResetModel();
    if (consultationId > 0)
        request(m_olderTicket, 0, 0);
}

void MessageListModel::request(quint64 &ticket, qint64 beforeId, qint64 afterId)
{
    if (!m_reader)
        return;
    ticket = m_reader->newTicket();
    QMetaObject::invokeMethod(
        m_reader, [reader = m_reader.data(), t = ticket, id = m_consultationId, beforeId, afterId,
                   limit = m_pageSize] { reader->fetchMessages(t, id, beforeId, afterId, limit); });
}

void MessageListModel::fetchOlder()
{
    if (!canFetchOlder() || m_messages.isEmpty())
        return;
    request(m_olderTicket, m_messages.constFirst().id, 0);
}

void MessageListModel::refresh(const QList<qint64> &consultationIds)
{
    // While the first page is on its way it brings the change too. An empty conversation (a
    // consultation opened before its first message) does take its first message from here.
    if (!consultationIds.contains(m_consultationId) || (m_messages.isEmpty() && m_olderTicket != 0))
        return;
    if (m_newerTicket != 0) {
        m_newerAgain = true; // one more round once this one is in
        return;
    }
    request(m_newerTicket, 0, newestMessageId());
}

void MessageListModel::refreshMessages(const QList<qint64> &messageIds)
{
    QList<qint64> shown;
    for (qint64 id : messageIds) {
        const int row = rowOfMessage(id);
        if (row >= 0 && row < serverCount())
            shown << id;
    }
    if (shown.isEmpty() || !m_reader)
        return;
    const quint64 ticket = m_reader->newTicket();
    m_changedTickets.insert(ticket); // several may be on their way (queued, then done)
    QMetaObject::invokeMethod(m_reader,
                              [reader = m_reader.data(), t = ticket, id = m_consultationId, shown] {
                                  reader->fetchMessagesById(t, id, shown);
                              });
}

void MessageListModel::onFetched(quint64 ticket, const QList<MessageRow> &rows, bool more)
{
    if (m_changedTickets.remove(ticket)) {
        for (const MessageRow &fresh : rows)
            updateMessage(fresh.id, [&fresh](MessageRow &row) { row = fresh; });
        return;
    }
    if (ticket == m_olderTicket && ticket != 0) {
        const bool first = m_messages.isEmpty();
        if (!rows.isEmpty()) {
            beginInsertRows({}, 0, static_cast<int>(rows.size()) - 1);
            m_messages = rows + m_messages;
            endInsertRows();
        }
        // Only now: a scroll to the top while the rows went in must not fetch this page again.
        m_olderTicket = 0;
        m_moreOlder = more;
        dropDelivered();
        if (first)
            Q_EMIT newestLoaded();
        else
            Q_EMIT olderLoaded(static_cast<int>(rows.size()));
        return;
    }
    if (ticket != m_newerTicket || ticket == 0)
        return;
    m_newerTicket = 0;
    if (!rows.isEmpty()) {
        const int at = serverCount();
        beginInsertRows({}, at, at + static_cast<int>(rows.size()) - 1);
        m_messages += rows;
        endInsertRows();
        dropDelivered();
    }
    if (more || std::exchange(m_newerAgain, false))
        request(m_newerTicket, 0, newestMessageId());
}

void MessageListModel::setOutboxItems(const QList<OutboxItem> &items)
{
    QList<OutboxItem> pending;
    QSet<QString> delivered;
    for (const MessageRow &m : std::as_const(m_messages))
        if (!m.clientMsgId.isEmpty())
            delivered.insert(m.clientMsgId);
    for (const OutboxItem &item : items) {
        if (item.consultationId != m_consultationId)
            continue;
        m_writtenAt.insert(item.clientMsgId, item.createdAt);
        if (!delivered.contains(item.clientMsgId) && item.state != OutboxItem::State::Sent)
            pending.append(item);
    }
    const int first = serverCount();
    if (!m_outbox.isEmpty()) {
        beginRemoveRows({}, first, first + static_cast<int>(m_outbox.size()) - 1);
        m_outbox.clear();
        endRemoveRows();
    }
    if (!pending.isEmpty()) {
        beginInsertRows({}, first, first + static_cast<int>(pending.size()) - 1);
        m_outbox = pending;
        endInsertRows();
    }
}

void MessageListModel::applyOutboxItem(const OutboxItem &item)
{
    if (item.consultationId != m_consultationId)
        return;
    m_writtenAt.insert(item.clientMsgId, item.createdAt);
    const auto delivered =
        std::any_of(m_messages.cbegin(), m_messages.cend(),
                    [&item](const MessageRow &m) { return m.clientMsgId == item.clientMsgId; });
    const auto shown = std::find_if(m_outbox.begin(), m_outbox.end(), [&item](const OutboxItem &o) {
        return o.clientMsgId == item.clientMsgId;
    });
    if (delivered)
        return dropDelivered();
    if (shown != m_outbox.end()) {
        *shown = item;
        const QModelIndex at = index(serverCount() + static_cast<int>(shown - m_outbox.begin()));
        Q_EMIT dataChanged(at, at);
        return;
    }
    if (item.state == OutboxItem::State::Sent)
        return; // sent before it was shown here: it comes as the server's message
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_outbox.append(item);
    endInsertRows();
}

void MessageListModel::dropDelivered()
{
    // An outbox entry whose message the server now holds is shown once: as that message.
    for (int i = static_cast<int>(m_outbox.size()) - 1; i >= 0; --i) {
        const QString id = m_outbox.at(i).clientMsgId;
        const bool arrived =
            std::any_of(m_messages.cbegin(), m_messages.cend(),
                        [&id](const MessageRow &m) { return m.clientMsgId == id; });
        if (!arrived)
            continue;
        const int row = serverCount() + i;
        beginRemoveRows({}, row, row);
        m_outbox.removeAt(i);
        endRemoveRows();
    }
}

int MessageListModel::rowOfMessage(qint64 messageId) const
{
    for (int i = 0; i < m_messages.size(); ++i) {
        if (m_messages.at(i).id == messageId)
            return i;
    }
    return -1;
}

qint64 MessageListModel::newestMessageId() const
{
    return m_messages.isEmpty() ? 0 : m_messages.constLast().id;
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_messages.size() + m_outbox.size());
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (index.row() >= serverCount()) {
        const OutboxItem &item = m_outbox.at(index.row() - serverCount());
        switch (role) {
        case Qt::DisplayRole:
        case TextRole:
            return item.text;
        case SenderKindRole:
            return QVariant::fromValue(SenderKind::Responder);
        case KindRole:
            return QVariant::fromValue(item.isVoice() ? MessageKind::Voice : MessageKind::Text);
        case CreatedAtRole:
        case WrittenAtRole:
            return item.createdAt;
        case VoiceDurationRole:
            return item.voiceDurationMs;
        case VoiceWaveformRole:
            return item.voiceWaveform;
        case VoiceHeardRole:
            return true;
        case DeliveryRole:
            switch (item.state) {
            case OutboxItem::State::Queued:
                return static_cast<int>(Delivery::Queued);
            case OutboxItem::State::Sending:
                return static_cast<int>(Delivery::Sending);
            case OutboxItem::State::Sent:
                return static_cast<int>(Delivery::Sent);
            case OutboxItem::State::Failed:
                return static_cast<int>(Delivery::Failed);
            }
            return {};
        case ErrorRole:
            return item.error;
        case ClientMsgIdRole:
            return item.clientMsgId;
        case OwnRole:
            return true;
        default:
            return {};
        }
    }
    const MessageRow &m = m_messages.at(index.row());
    const bool own = m.senderKind == SenderKind::Responder && m.senderId == m_ownId;
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return m.text;
    case IdRole:
        return m.id;
    case SenderKindRole:
        return QVariant::fromValue(m.senderKind);
    case SenderNameRole:
        return m.senderName;
    case KindRole:
        return QVariant::fromValue(m.kind);
    case PayloadRole:
        return m.payload;
    case CreatedAtRole:
        return m.createdAt;
    case WrittenAtRole:
        return m.clientMsgId.isEmpty() ? m.createdAt
                                       : m_writtenAt.value(m.clientMsgId, m.createdAt);
    case TranscriptRole:
        return m.transcript;
    case TranscriptFailureRole:
        return m.transcriptFailure;
    case TranscribedRole:
        return !m.transcript.isEmpty() || !m.transcriptFailure.isEmpty();
    case TranscriptCorrectedRole:
        return m.transcriptCorrected;
    case TranscriptOriginalRole:
        return m.transcriptOriginal;
    case TranscriptRevisionRole:
        return m.transcriptRevision;
    case TranscriptQueuedRole:
        return m.transcriptQueued;
    case TranscriptWordsRole: {
        QVariantList words;
        for (const TranscriptWord &w : m.transcriptWords)
            words << QVariantMap{{QStringLiteral("text"), w.text},
                                 {QStringLiteral("startMs"), w.startMs},
                                 {QStringLiteral("endMs"), w.endMs}};
        return words;
    }
    case DeliveryRole:
        return static_cast<int>(own ? Delivery::Sent : Delivery::None);
    case ClientMsgIdRole:
        return m.clientMsgId;
    case OwnRole:
        return own;
    case VoiceDurationRole:
        return m.voiceDurationMs;
    case VoiceWaveformRole:
        return m.voiceWaveform;
    case VoiceHeardRole:
        return own || m.voiceHeard; // one's own recordings need no reminder
    default:
        return {};
    }
}

void MessageListModel::setVoiceHeard(qint64 messageId)
{
    updateMessage(messageId, [](MessageRow &row) { row.voiceHeard = true; });
}

void MessageListModel::applyTranscript(qint64 messageId, const QString &text,
                                       const QString &failure)
{
    updateMessage(messageId, [&](MessageRow &row) {
        if (text.isEmpty() && !row.transcript.isEmpty())
            return; // a run that heard nothing leaves what is there
        row.transcriptOriginal = text;
        if (!row.transcriptCorrected) // a colleague's correction stays what is shown
            row.transcript = text;
        row.transcriptFailure = row.transcript.isEmpty() ? failure : QString();
    });
}

void MessageListModel::setVoiceWaveform(qint64 messageId, const QByteArray &packed)
{
    updateMessage(messageId, [&packed](MessageRow &row) {
        if (row.voiceWaveform.isEmpty())
            row.voiceWaveform = packed;
    });
}

void MessageListModel::updateMessage(qint64 messageId,
                                     const std::function<void(MessageRow &)> &edit)
{
    const int row = rowOfMessage(messageId);
    if (row < 0 || row >= serverCount())
        return;
    edit(m_messages[row]);
    Q_EMIT dataChanged(index(row), index(row));
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "messageId");
    names.insert(SenderKindRole, "senderKind");
    names.insert(SenderNameRole, "senderName");
    names.insert(KindRole, "kind");
    names.insert(TextRole, "text");
    names.insert(PayloadRole, "payload");
    names.insert(CreatedAtRole, "createdAt");
    names.insert(DeliveryRole, "delivery");
    names.insert(ErrorRole, "error");
    names.insert(ClientMsgIdRole, "clientMsgId");
    names.insert(OwnRole, "own");
    names.insert(VoiceDurationRole, "voiceDurationMs");
    names.insert(VoiceWaveformRole, "voiceWaveform");
    names.insert(VoiceHeardRole, "voiceHeard");
    names.insert(WrittenAtRole, "writtenAt");
    names.insert(TranscriptRole, "transcript");
    names.insert(TranscriptFailureRole, "transcriptFailure");
    names.insert(TranscribedRole, "transcribed");
    names.insert(TranscriptCorrectedRole, "transcriptCorrected");
    names.insert(TranscriptOriginalRole, "transcriptOriginal");
    names.insert(TranscriptRevisionRole, "transcriptRevision");
    names.insert(TranscriptQueuedRole, "transcriptQueued");
    names.insert(TranscriptWordsRole, "transcriptWords");
    return names;
}
