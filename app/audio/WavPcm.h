#pragma once

#include "OggOpusDecoder.h"

#include <QByteArray>

// A RIFF/WAVE file of 16-bit PCM (any rate, mono or stereo) as speech engines take it: 16-bit
// mono at `sampleRate`. Written here rather than with libsndfile: the one format the
// transcription API needs (what whisper.cpp's server takes) is a 44-byte header away, and the
// reader below refuses everything else with a clear error. Safe on arbitrary bytes.
Expected<QByteArray, AudioError> speechPcmFromWav(const QByteArray &wav, int sampleRate = 16000,
                                                  qint64 maxDurationMs = 10 * 60 * 1000);
