#pragma once

#include "OggOpusDecoder.h"

#include <QByteArray>

// A voice clip as speech engines take it: 16-bit signed mono PCM at `sampleRate` (16 kHz for
// PocketSphinx and whisper.cpp), decoded from Ogg Opus and resampled once by libsoxr (its
// "high quality" setting: a steep low-pass below the new Nyquist frequency, so that nothing
// above 8 kHz folds back into the band the recogniser listens to).
Expected<QByteArray, AudioError> speechPcm(const QByteArray &oggOpus, int sampleRate = 16000,
                                           qint64 maxDurationMs = 10 * 60 * 1000);

// The same for PCM already decoded: `samples` at `fromRate`, to `toRate`.
QByteArray resampledPcm(const QVector<qint16> &samples, int fromRate, int toRate);
