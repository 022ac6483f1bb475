#include "OggOpusDecoder.h"

#include "OggOpusStream.h"

#include <algorithm>
#include <array>
#include <limits>

namespace {

// Opus always decodes at 48 kHz; timestamps (granule positions) count 48 kHz samples.
constexpr int OpusRate = 48000;
constexpr qint64 SamplesPerMs = OpusRate / 1000;
constexpr qint64 MaxReservedSamples = qint64(OpusRate) * 60;

qint64 samplesToMs(qint64 samples)
{
    // Round to nearest without risking overflow on absurd (but valid) granule positions.
    return samples / SamplesPerMs + (samples % SamplesPerMs >= SamplesPerMs / 2 ? 1 : 0);
}

qint64 msToSamplesSaturated(qint64 ms)
{
    if (ms <= 0)
        return 0;
    if (ms > std::numeric_limits<qint64>::max() / SamplesPerMs)
        return std::numeric_limits<qint64>::max();
    return ms * SamplesPerMs;
}

} // namespace

// Any length other than the stated one is an error (OggOpusStream::read); holding to that keeps
// decodeOggOpus and probeOggOpusDurationMs in agreement, which a server validating uploads with
// the probe relies on, and bounds memory by the length already checked against the limit.
Expected<DecodedAudio, AudioError> decodeOggOpus(const QByteArray &bytes, qint64 maxDurationMs)
{
    auto opened = OggOpusStream::open(bytes);
    if (!opened)
        return opened.error();
    OggOpusStream &stream = opened.value();

    const qint64 total = stream.totalSamples();
    if (total > msToSamplesSaturated(maxDurationMs))
        return AudioError{AudioError::Kind::TooLong,
                          QStringLiteral("clip is %1 ms long, limit is %2 ms")
                              .arg(samplesToMs(total))
                              .arg(maxDurationMs)};

    // Reserved by the stated length only up to a point: a tiny crafted file can claim minutes.
    DecodedAudio audio;
    audio.samples.reserve(static_cast<qsizetype>(std::min(total, MaxReservedSamples)));
    std::array<qint16, OggOpusMaxPacketSamples> chunk{};
    while (!stream.atEnd()) {
        const auto got = stream.read(chunk.data(), static_cast<int>(chunk.size()));
        if (!got)
            return got.error();
        const qsizetype at = audio.samples.size();
        audio.samples.resize(at + *got);
        std::copy_n(chunk.data(), *got, audio.samples.data() + at);
    }
    audio.sampleRate = OpusRate;
    audio.durationMs = samplesToMs(total);
    return audio;
}

Expected<qint64, AudioError> probeOggOpusDurationMs(const QByteArray &bytes)
{
    auto opened = OggOpusStream::open(bytes);
    if (!opened)
        return opened.error();
    return samplesToMs(opened->totalSamples());
}
