#pragma once

#include <QByteArray>
#include <QString>

// A voice clip being uploaded on one connection (docs/protocol.md, section 8).
struct VoiceUpload
{
    qint64 consultationId = 0;
    QString clientMsgId;
    QString waveform;
    qint64 expectedBytes = 0;
    QByteArray data;
    qint64 startedMs = 0;
};
