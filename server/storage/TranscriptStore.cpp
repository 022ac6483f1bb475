#include "TranscriptStore.h"

#include "Database.h"
#include "Sql.h"
#include "Visibility.h"

#include <QJsonDocument>

namespace {

QString columns()
{
    return QStringLiteral("t.message_id, t.consultation_id, t.state, t.engine, t.language,"
                          " t.segments, t.failure, t.corrected_text, t.corrected_by,"
                          " t.corrected_at, t.revision, t.updated_at, t.seq");
}

VoiceTranscript read(const SqlStatement &row)
{
    VoiceTranscript t;
    t.messageId = row.int64(0);
    t.consultationId = row.int64(1);
    t.state = fromWireName<TranscriptState>(row.text(2)).value_or(TranscriptState::Failed);
    t.machine.engineId = row.text(3);
    t.machine.language = row.text(4);
    t.machine.segments =
        Transcript::segmentsFromJson(QJsonDocument::fromJson(row.text(5).toUtf8()).array());
    t.failure = row.text(6);
    t.correctedText = row.text(7);
    t.correctedBy = row.int64(8);
    t.correctedAt = row.int64(9);
    t.revision = static_cast<int>(row.int64(10));
    t.updatedAt = row.int64(11);
    t.seq = row.int64(12);
    return t;
}

QString segmentsText(const Transcript &machine)
{
    return QString::fromUtf8(QJsonDocument(machine.segmentsJson()).toJson(QJsonDocument::Compact));
}

} // namespace

std::optional<VoiceTranscript> TranscriptStore::find(qint64 messageId) const
{
    SqlStatement query(m_database,
                       QStringLiteral("SELECT ") + columns() +
                           QStringLiteral(" FROM transcripts t WHERE t.message_id = ?"),
                       {messageId});
    if (!query.ok() || !query.next())
        return std::nullopt;
    return read(query);
}

std::optional<VoiceTranscript> TranscriptStore::insertPending(const Message &message, qint64 now)
{
    SqlStatement insert(
        m_database,
        QStringLiteral("INSERT INTO transcripts (message_id, consultation_id, state, revision,"
                       " updated_at, seq) VALUES (?, ?, 'pending', 1, ?, ?)"),
        {message.id, message.consultationId, now, m_database.nextSeq()});
    if (!insert.ok())
        return std::nullopt;
    return find(message.id);
}

std::optional<VoiceTranscript> TranscriptStore::finish(qint64 messageId, TranscriptState state,
                                                       const Transcript &machine,
                                                       const QString &failure, qint64 now)
{
    SqlStatement update(
        m_database,
        QStringLiteral("UPDATE transcripts SET state = ?, engine = ?, language = ?,"
                       " segments = ?, failure = ?, revision = transcripts.revision + 1,"
                       " updated_at = ?, seq = ?"
                       " WHERE message_id = ? AND state = 'pending'"),
        {wireName(state), machine.engineId, machine.language, segmentsText(machine), failure, now,
         m_database.nextSeq(), messageId});
    if (!update.ok() || update.rowsAffected() != 1)
        return std::nullopt;
    return find(messageId);
}

std::optional<VoiceTranscript> TranscriptStore::correct(qint64 messageId, qint64 consultationId,
                                                        const QString &text, qint64 by,
                                                        const QString &editId, qint64 now)
{
    const QVariant corrected = text.isEmpty() ? QVariant() : QVariant(text);
    const QVariant correctedBy = text.isEmpty() ? QVariant() : QVariant(by);
    const QVariant correctedAt = text.isEmpty() ? QVariant() : QVariant(now);
    // A message the server never transcribed gets a record that holds only the correction.
    SqlStatement upsert(
        m_database,
        QStringLiteral(
            "INSERT INTO transcripts (message_id, consultation_id, state,"
            " corrected_text, corrected_by, corrected_at, last_edit_id, revision,"
            " updated_at, seq) VALUES (?, ?, 'done', ?, ?, ?, ?, 1, ?, ?)"
            " ON CONFLICT (message_id) DO UPDATE SET corrected_text = excluded.corrected_text,"
            " corrected_by = excluded.corrected_by, corrected_at = excluded.corrected_at,"
            " last_edit_id = excluded.last_edit_id, revision = transcripts.revision + 1,"
            " updated_at = excluded.updated_at, seq = excluded.seq"),
        {messageId, consultationId, corrected, correctedBy, correctedAt, editId, now,
         m_database.nextSeq()});
    if (!upsert.ok())
        return std::nullopt;
    return find(messageId);
}

QString TranscriptStore::lastEditId(qint64 messageId) const
{
    SqlStatement query(m_database,
                       QStringLiteral("SELECT last_edit_id FROM transcripts WHERE message_id = ?"),
                       {messageId});
    return query.ok() && query.next() ? query.text(0) : QString();
}

QList<qint64> TranscriptStore::pending() const
{
    SqlStatement query(
        m_database,
        QStringLiteral(
            "SELECT message_id FROM transcripts WHERE state = 'pending' ORDER BY message_id"));
    QList<qint64> ids;
    while (query.next())
        ids << query.int64(0);
    return ids;
}

SyncPage TranscriptStore::page(const Principal &principal, qint64 afterSeq, int limit) const
{
    return visibleSyncPage(m_database,
                           QStringLiteral("SELECT ") + columns() +
                               QStringLiteral(" FROM transcripts t"
                                              " JOIN consultations c ON c.id = t.consultation_id"),
                           QStringLiteral("t.seq"), principal, afterSeq, limit,
                           [](const SqlStatement &row) {
                               const VoiceTranscript record = read(row);
                               return std::make_pair(record.toJson(), record.seq);
                           });
}
