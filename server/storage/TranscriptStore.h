#pragma once

#include "SyncPage.h"
#include "app/domain/Message.h"
#include "app/domain/Principal.h"
#include "app/domain/VoiceTranscript.h"

#include <optional>

class Database;

// The transcripts of voice messages (docs/protocol.md section 14): the server engine's result
// and a responder's correction beside it, one record per voice message, synced by seq like
// every other record. Writes expect the caller's Transaction.
class TranscriptStore
{
public:
    explicit TranscriptStore(Database &database)
        : m_database(database)
    {}

    std::optional<VoiceTranscript> find(qint64 messageId) const;
    // A pending record for a voice message just stored, in the same transaction, so that a
    // server stopped before the engine ran still knows the job after a restart.
    std::optional<VoiceTranscript> insertPending(const Message &message, qint64 now);
    // The engine's result. Nothing when the record is not pending any more: a job is finished
    // once, however often it ran.
    std::optional<VoiceTranscript> finish(qint64 messageId, TranscriptState state,
                                          const Transcript &machine, const QString &failure,
                                          qint64 now);
    // A responder's correction (empty text: back to the machine's); creates the record for a
    // message the server did not transcribe. `editId` is kept to recognise a resend.
    std::optional<VoiceTranscript> correct(qint64 messageId, qint64 consultationId,
                                           const QString &text, qint64 by, const QString &editId,
                                           qint64 now);
    // The edit that made the record's current revision.
    QString lastEditId(qint64 messageId) const;
    // The messages whose transcription was queued and has not finished, oldest first.
    QList<qint64> pending() const;
    // The transcripts of the consultations the principal sees (section 6).
    SyncPage page(const Principal &principal, qint64 afterSeq, int limit) const;

private:
    Database &m_database;
};
