#pragma once

#include "Transcript.h"
#include "Vocabulary.h"

#include <QJsonObject>
#include <optional>

// The text of one voice message as the server keeps it (docs/protocol.md section 14): what the
// server's engine heard, with segment and word times, and a responder's correction beside it.
// The correction never overwrites the machine text; readers show `shownText()`.
struct VoiceTranscript
{
    qint64 messageId = 0;
    qint64 consultationId = 0;
    TranscriptState state = TranscriptState::Pending;
    Transcript machine;    // engine, language, segments; empty while pending or when failed
    QString failure;       // why there is no text (failed, or done without speech)
    QString correctedText; // empty: not corrected
    qint64 correctedBy = 0;
    qint64 correctedAt = 0;
    int revision = 0; // grows with every change; a correction names the one it was made from
    qint64 updatedAt = 0;
    qint64 seq = 0;

    QString machineText() const { return machine.text(); }
    bool isCorrected() const { return !correctedText.isEmpty(); }
    QString shownText() const { return isCorrected() ? correctedText : machineText(); }

    QJsonObject toJson() const;
    // Nothing for a record without a message id or with an unknown state.
    static std::optional<VoiceTranscript> fromJson(const QJsonObject &json);
};
