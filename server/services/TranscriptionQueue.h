#pragma once

#include <QJsonObject>

// Where stored voice messages go to be turned into text, when the server transcribes
// (docs/protocol.md section 14). The services know only this; the worker pool behind it
// (server/transcription) runs the engines.
class TranscriptionQueue
{
public:
    virtual ~TranscriptionQueue() = default;
    // Queues the voice message whose pending transcript was just committed.
    virtual void enqueue(qint64 messageId) = 0;
    // What the hello result announces: {"engine", "language"} of the engine that runs.
    virtual QJsonObject description() const = 0;
};
