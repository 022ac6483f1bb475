#pragma once

#include <QByteArray>
#include <QVector>

#include <algorithm>
#include <cstring>

#include <cmath>
#include <cstdlib>

// What a test can say about a recording of a single tone: where the sound is, how long it lasts,
// its frequency and its level.
namespace ToneAnalysis {

struct Tone
{
    double startSeconds = 0;
    double seconds = 0;   // from the first to the last loud 10 ms block
    double frequency = 0; // Hz, from zero crossings within the loud part
    double rms = 0;       // 0..1 of full scale, within the loud part
};

inline Tone analyse(const QVector<qint16> &samples, int rate, double threshold = 0.05)
{
    const int block = rate / 100;
    qsizetype first = -1;
    qsizetype last = -1;
    for (qsizetype start = 0; start + block <= samples.size(); start += block) {
        int peak = 0;
        for (int i = 0; i < block; ++i)
            peak = std::max(peak, std::abs(int(samples[start + i])));
        if (peak >= threshold * 32768) {
            if (first < 0)
                first = start;
            last = start + block;
        }
    }
    Tone tone;
    if (first < 0)
        return tone;
    tone.startSeconds = double(first) / rate;
    tone.seconds = double(last - first) / rate;
    int crossings = 0;
    double energy = 0;
    for (qsizetype i = first + 1; i < last; ++i) {
        if ((samples[i - 1] < 0) != (samples[i] < 0))
            ++crossings;
        energy += double(samples[i]) * samples[i];
    }
    tone.frequency = crossings / 2.0 / tone.seconds;
    tone.rms = std::sqrt(energy / double(last - first)) / 32768.0;
    return tone;
}

inline QVector<qint16> fromRaw(const QByteArray &raw)
{
    QVector<qint16> samples(raw.size() / 2);
    std::memcpy(samples.data(), raw.constData(), size_t(samples.size()) * 2);
    return samples;
}

} // namespace ToneAnalysis
