#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

// One reply on its way to the server. Its clientMsgId is the protocol's idempotency key: it is
// made when the reply is written and never changes, so any resend is stored once.
struct OutboxItem
{
    enum class State
    {
        Queued,
        Sending,
        Sent,
        Failed
    };

    qint64 seq = 0; // order of writing
    QString clientMsgId;
    qint64 consultationId = 0;
    QString text;
    State state = State::Queued;
    QString error; // why it failed, for the user
    int attempts = 0;
    qint64 createdAt = 0;
    qint64 serverMessageId = 0;
    // A voice reply: the recording (a file beside the outbox), its length and waveform.
    QString voiceFile;
    qint64 voiceDurationMs = 0;
    QByteArray voiceWaveform;

    bool isVoice() const { return !voiceFile.isEmpty(); }
};

Q_DECLARE_METATYPE(OutboxItem)
