#pragma once

#include <QAudioFormat>

// The one PCM format voice uses on this side of the codec: Opus' native 48 kHz, mono, 16-bit.
// Player and recorder ask the audio system for it, so nothing resamples in our code.
constexpr int VoiceSampleRate = 48000;
constexpr qint64 VoiceSamplesPerMs = VoiceSampleRate / 1000;

inline QAudioFormat voicePcmFormat()
{
    QAudioFormat format;
    format.setSampleRate(VoiceSampleRate);
    format.setChannelCount(1);
    format.setSampleFormat(QAudioFormat::Int16);
    return format;
}
