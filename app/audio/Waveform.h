#pragma once

#include <QByteArray>
#include <QVector>

// Compact waveform preview for voice messages (the bar graph a chat bubble shows before the
// audio is downloaded), in the Telegram style: a fixed number of 5-bit levels.

// Number of levels a waveform has unless the caller asks otherwise.
constexpr int DefaultWaveformPoints = 100;
// Largest level; levels are 0..MaxWaveformLevel.
constexpr int MaxWaveformLevel = 31;

// Splits `count` samples into `points` equal buckets (bucket i covers samples
// [i*count/points, (i+1)*count/points), at least one sample when count < points) and returns
// each bucket's peak |sample|, scaled so the clip's loudest bucket is 31. Scaling to the clip's
// own peak keeps the shape of quiet recordings visible. Silence (or no samples) gives all
// zeros. Returns an empty vector if points <= 0.
QVector<quint8> computeWaveform(const qint16 *samples, qsizetype count,
                                int points = DefaultWaveformPoints);

// Wire format ("5-bit packed waveform"):
//   Value i occupies bits [5*i, 5*i+5) of the byte string, where bit k is bit (k % 8) of
//   byte (k / 8), least significant bit first. Within a value, its least significant bit comes
//   first (is the lowest-numbered bit k). The string is ceil(5*n/8) bytes long for n values
//   (100 values -> 63 bytes); unused high bits of the last byte are zero.
//   Example: the values 1, 2, 31, 0, 16 pack to the bytes 0x41 0x7c 0x00 0x01.
//
// Values above 31 are clamped to 31.
QByteArray packWaveform5bit(const QVector<quint8> &values);

// Inverse of packWaveform5bit. Returns an empty vector if `packed` is shorter than
// ceil(5*points/8) bytes or points <= 0; never reads beyond `packed`. Bytes after the ones
// needed are ignored.
QVector<quint8> unpackWaveform5bit(const QByteArray &packed, int points = DefaultWaveformPoints);
