#include "SpeechEngine.h"

#include <QtEndian>

QByteArray SpeechAudio::wav() const
{
    QByteArray out(44, Qt::Uninitialized);
    auto *h = reinterpret_cast<uchar *>(out.data());
    const auto put32 = [h](int at, quint32 v) {
        qToLittleEndian<quint32>(v, h + at);
    };
    const auto put16 = [h](int at, quint16 v) {
        qToLittleEndian<quint16>(v, h + at);
    };
    memcpy(h, "RIFF", 4);
    put32(4, quint32(36 + pcm.size()));
    memcpy(h + 8, "WAVEfmt ", 8);
    put32(16, 16); // the fmt chunk's length
    put16(20, 1);  // PCM
    put16(22, 1);  // mono
    put32(24, quint32(sampleRate));
    put32(28, quint32(sampleRate * 2)); // bytes per second
    put16(32, 2);                       // bytes per frame
    put16(34, 16);                      // bits per sample
    memcpy(h + 36, "data", 4);
    put32(40, quint32(pcm.size()));
    return out + pcm;
}

void SpeechEngine::begin(const SpeechRequest &, int)
{
    Q_EMIT failed(tr("This engine transcribes whole clips only."));
}

void SpeechEngine::feed(const QByteArray &) {}

void SpeechEngine::finish() {}
