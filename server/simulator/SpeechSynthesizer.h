#pragma once

#include "app/core/Expected.h"

#include <QByteArray>
#include <QString>

// Speech for demo voice messages: espeak-ng speaks Mandarin (its "cmn-latn-pinyin" voice:
// Debian 12's espeak-ng 1.51 reads Chinese characters through plain "cmn" as spelled-out
// pinyin, espeak-ng issue #1236), sox resamples it to 48 kHz mono
// PCM, and the project's own encoder (libopusenc) makes the Ogg Opus clip a phone would send.
// Both tools are Debian packages; nothing is fetched.
namespace SpeechSynthesizer {
struct Clip
{
    QByteArray oggOpus;
    qint64 durationMs = 0;
    QString waveformBase64; // 100 five-bit points, as the protocol carries it
};
Expected<Clip, QString> speak(const QString &text,
                              const QString &voice = QStringLiteral("cmn-latn-pinyin"));
} // namespace SpeechSynthesizer
