#pragma once

#include "Vocabulary.h"

#include <QJsonObject>
#include <QString>
#include <optional>

// A message of a consultation (docs/protocol.md section 6), mapped to and from JSON here and
// nowhere else. Exactly one of text, voice and system is meaningful, as kind says.

struct VoiceInfo
{
    qint64 durationMs = 0;
    qint64 bytes = 0;
    QString waveform; // base64 of the packed 5-bit envelope; empty when the sender sent none

    QJsonObject toJson() const; // with the clip's MIME type
};

struct Message
{
    qint64 id = 0;
    qint64 consultationId = 0;
    SenderKind senderKind = SenderKind::System;
    qint64 senderId = 0; // 0 for system messages
    QString clientMsgId; // the sender's key that made it idempotent; empty for system messages
    MessageKind kind = MessageKind::Text;
    QString text;
    VoiceInfo voice;
    QJsonObject system; // {"event", …} as section 6 lists
    qint64 createdAt = 0;
    qint64 seq = 0;

    // The event a system message records; nothing for other kinds or an unknown event.
    std::optional<SystemEvent> systemEvent() const;

    QJsonObject toJson() const;
    static std::optional<Message> fromJson(const QJsonObject &json);

    static QString voiceMime() { return QStringLiteral("audio/ogg; codecs=opus"); }
};
