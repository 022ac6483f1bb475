#pragma once

#include "app/domain/Transcript.h"
#include "app/domain/Vocabulary.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>

// One message of a conversation as it is shown: who sent it (resolved to a name), what it is.
struct MessageRow
{
    qint64 id = 0;
    qint64 consultationId = 0;
    SenderKind senderKind = SenderKind::System;
    qint64 senderId = 0;
    QString senderName;
    QString clientMsgId;
    MessageKind kind = MessageKind::Text;
    QString text;
    QJsonObject payload; // voice: durationMs, bytes, waveform; system: event and its details
    qint64 createdAt = 0;
    // Voice messages: length, waveform (5-bit packed; empty until known) and whether this
    // workstation has played it.
    qint64 voiceDurationMs = 0;
    QByteArray voiceWaveform;
    bool voiceHeard = false;
    // What a speech engine heard in it here, or why it could not; neither: still to be done
    // (the transcriber always keeps one or the other).
    QString transcript;
    QString transcriptFailure;
    // When a responder corrected it (then `transcript` is the correction): what the engine
    // heard, for "show the original".
    bool transcriptCorrected = false;
    QString transcriptOriginal;
    int transcriptRevision = 0;            // of the server's record; 0: none
    bool transcriptQueued = false;         // the server is still working on it
    QList<TranscriptWord> transcriptWords; // with times, where the engine gave them
};

Q_DECLARE_METATYPE(MessageRow)
