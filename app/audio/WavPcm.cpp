#include "WavPcm.h"

#include "SpeechPcm.h"

#include <QtEndian>

namespace {
AudioError notWav(const QString &why)
{
    return {AudioError::Kind::NotOggOpus, QStringLiteral("not a 16-bit PCM WAV file: ") + why};
}
} // namespace

Expected<QByteArray, AudioError> speechPcmFromWav(const QByteArray &wav, int sampleRate,
                                                  qint64 maxDurationMs)
{
    if (wav.size() < 12 || !wav.startsWith("RIFF") || wav.mid(8, 4) != "WAVE")
        return notWav(QStringLiteral("no RIFF/WAVE header"));
    const auto *bytes = reinterpret_cast<const uchar *>(wav.constData());
    int channels = 0;
    int rate = 0;
    int bits = 0;
    QByteArray data;
    // Chunks: a 4-byte id, a little-endian length, the body padded to an even length.
    for (qsizetype at = 12; at + 8 <= wav.size();) {
        const QByteArray id = wav.mid(at, 4);
        const qint64 length = qFromLittleEndian<quint32>(bytes + at + 4);
        const qsizetype body = at + 8;
        if (length > wav.size() - body)
            return AudioError{AudioError::Kind::Truncated,
                              QStringLiteral("the WAV file is cut short")};
        if (id == "fmt ") {
            if (length < 16 || qFromLittleEndian<quint16>(bytes + body) != 1)
                return notWav(QStringLiteral("not plain PCM"));
            channels = qFromLittleEndian<quint16>(bytes + body + 2);
            rate = int(qFromLittleEndian<quint32>(bytes + body + 4));
            bits = qFromLittleEndian<quint16>(bytes + body + 14);
        } else if (id == "data") {
            data = wav.mid(body, qsizetype(length));
        }
        at = body + qsizetype(length) + (length & 1);
    }
    if (bits != 16 || channels < 1 || channels > 2 || rate < 8000 || rate > 192000)
        return notWav(
            QStringLiteral("%1 bits, %2 channels, %3 Hz").arg(bits).arg(channels).arg(rate));
    const qsizetype frames = data.size() / (2 * channels);
    if (frames * 1000 / rate > maxDurationMs)
        return AudioError{AudioError::Kind::TooLong, QStringLiteral("the recording is too long")};
    QVector<qint16> mono(frames);
    const auto *samples = reinterpret_cast<const uchar *>(data.constData());
    for (qsizetype i = 0; i < frames; ++i) {
        int sum = 0;
        for (int c = 0; c < channels; ++c)
            sum += qFromLittleEndian<qint16>(samples + (i * channels + c) * 2);
        mono[i] = qint16(sum / channels);
    }
    return resampledPcm(mono, rate, sampleRate);
}
