#pragma once

#include "app/core/Expected.h"

#include <QByteArray>
#include <QString>
#include <QVector>

// Mono 16-bit PCM at Opus' native 48 kHz, whatever rate the clip was recorded at.
struct DecodedAudio
{
    QVector<qint16> samples;
    int sampleRate = 48000;
    qint64 durationMs = 0;
};

struct AudioError
{
    enum class Kind
    {
        NotOggOpus, // not an Ogg container, or Ogg without an Opus stream we can play
        Corrupt,    // recognisably Ogg but damaged: bad page CRCs, bad headers, undecodable packets
        Truncated,  // the file ends before its final page (an interrupted upload)
        TooLong,    // longer than the caller's limit; rejected before decoding the audio
    };
    Kind kind;
    QString message;
};

// Decodes a complete in-memory Ogg Opus file to mono (multi-channel input is downmixed).
// Any damage is an error rather than a best-effort partial result, so a server never stores
// or relays a clip that only half plays. Safe on arbitrary bytes.
Expected<DecodedAudio, AudioError> decodeOggOpus(const QByteArray &bytes,
                                                 qint64 maxDurationMs = 10 * 60 * 1000);

// Duration of an Ogg Opus file from its headers and page structure (granule positions and
// page CRCs), without decoding any audio: cheap enough for a server to validate every
// uploaded clip. Reports the same NotOggOpus / Corrupt / Truncated cases as decodeOggOpus
// except damage inside otherwise well-formed audio packets, which only decoding can find.
Expected<qint64, AudioError> probeOggOpusDurationMs(const QByteArray &bytes);
