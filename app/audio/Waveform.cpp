#include "Waveform.h"

#include <algorithm>

namespace {

constexpr int BitsPerValue = 5;

qsizetype packedSize(qsizetype values)
{
    return (values * BitsPerValue + 7) / 8;
}

// |sample| as int, so -32768 does not overflow.
int magnitude(qint16 sample)
{
    return sample < 0 ? -int(sample) : int(sample);
}

int bucketPeak(const qint16 *samples, qsizetype begin, qsizetype end)
{
    int peak = 0;
    for (qsizetype i = begin; i < end; ++i)
        peak = std::max(peak, magnitude(samples[i]));
    return peak;
}

QVector<int> bucketPeaks(const qint16 *samples, qsizetype count, int points)
{
    QVector<int> peaks(points, 0);
    for (int i = 0; i < points; ++i) {
        const qsizetype begin = qsizetype(i) * count / points;
        const qsizetype end = std::max(begin + 1, qsizetype(i + 1) * count / points);
        peaks[i] = bucketPeak(samples, begin, std::min(end, count));
    }
    return peaks;
}

quint8 scaleToLevel(int peak, int clipPeak)
{
    return static_cast<quint8>((peak * MaxWaveformLevel + clipPeak / 2) / clipPeak);
}

} // namespace

QVector<quint8> computeWaveform(const qint16 *samples, qsizetype count, int points)
{
    if (points <= 0)
        return {};
    QVector<quint8> levels(points, 0);
    if (samples == nullptr || count <= 0)
        return levels;

    const QVector<int> peaks = bucketPeaks(samples, count, points);
    const int clipPeak = *std::max_element(peaks.cbegin(), peaks.cend());
    if (clipPeak == 0)
        return levels;
    for (int i = 0; i < points; ++i)
        levels[i] = scaleToLevel(peaks[i], clipPeak);
    return levels;
}

QByteArray packWaveform5bit(const QVector<quint8> &values)
{
    QByteArray packed(packedSize(values.size()), '\0');
    for (qsizetype i = 0; i < values.size(); ++i) {
        const int value = std::min<int>(values[i], MaxWaveformLevel);
        for (int bit = 0; bit < BitsPerValue; ++bit) {
            if ((value >> bit) & 1) {
                const qsizetype k = i * BitsPerValue + bit;
                packed[k / 8] = static_cast<char>(packed[k / 8] | (1 << (k % 8)));
            }
        }
    }
    return packed;
}

QVector<quint8> unpackWaveform5bit(const QByteArray &packed, int points)
{
    if (points <= 0 || packed.size() < packedSize(points))
        return {};
    QVector<quint8> values(points, 0);
    for (int i = 0; i < points; ++i) {
        int value = 0;
        for (int bit = 0; bit < BitsPerValue; ++bit) {
            const qsizetype k = qsizetype(i) * BitsPerValue + bit;
            const auto byte = static_cast<quint8>(packed[k / 8]);
            value |= ((byte >> (k % 8)) & 1) << bit;
        }
        values[i] = static_cast<quint8>(value);
    }
    return values;
}
