#include "OggOpusDecoder.h"

#include "OggPageScan.h"

#include <opusfile.h>

#include <algorithm>
#include <array>
#include <limits>
#include <memory>

namespace {

// Opus always decodes at 48 kHz; timestamps (granule positions) count 48 kHz samples.
constexpr int OpusRate = 48000;
constexpr qint64 SamplesPerMs = OpusRate / 1000;

struct OpusFileDeleter
{
    void operator()(OggOpusFile *file) const { op_free(file); }
};
using OpusFilePtr = std::unique_ptr<OggOpusFile, OpusFileDeleter>;

AudioError makeError(AudioError::Kind kind, const QString &message)
{
    return AudioError{kind, message};
}

bool startsWithOggPage(const QByteArray &bytes)
{
    return bytes.startsWith(QByteArrayLiteral("OggS"));
}

AudioError openError(int code)
{
    using Kind = AudioError::Kind;
    switch (code) {
    case OP_ENOTFORMAT:
        return makeError(Kind::NotOggOpus, QStringLiteral("Ogg file without an Opus stream"));
    case OP_EVERSION:
        return makeError(Kind::NotOggOpus, QStringLiteral("unsupported Opus version"));
    case OP_EIMPL:
        return makeError(Kind::NotOggOpus, QStringLiteral("unsupported Opus channel mapping"));
    default:
        return makeError(Kind::Corrupt,
                         QStringLiteral("damaged Opus headers (opusfile error %1)").arg(code));
    }
}

AudioError scanError(OggPageScan scan)
{
    if (scan == OggPageScan::Truncated)
        return makeError(AudioError::Kind::Truncated, QStringLiteral("Ogg Opus file is truncated"));
    return makeError(AudioError::Kind::Corrupt, QStringLiteral("damaged Ogg page"));
}

struct OpenedFile
{
    OpusFilePtr file;
    qint64 totalSamples = 0;
};

// Opens the stream and checks everything that is visible without decoding audio.
// opusfile reads straight from `bytes`, which must outlive the returned handle.
Expected<OpenedFile, AudioError> openOggOpus(const QByteArray &bytes)
{
    using Kind = AudioError::Kind;
    if (!startsWithOggPage(bytes))
        return makeError(Kind::NotOggOpus, QStringLiteral("not an Ogg file"));

    // Container damage first: opusfile would skip bad pages and decode what is left.
    const OggPageScan scan = scanOggPages(bytes);
    if (scan != OggPageScan::Complete)
        return scanError(scan);

    int error = 0;
    OpusFilePtr file(op_open_memory(reinterpret_cast<const unsigned char *>(bytes.constData()),
                                    static_cast<size_t>(bytes.size()), &error));
    if (!file)
        return openError(error);

    const ogg_int64_t total = op_pcm_total(file.get(), -1);
    if (total < 0)
        return makeError(Kind::Truncated, QStringLiteral("Ogg Opus file has no known length"));
    return OpenedFile{std::move(file), static_cast<qint64>(total)};
}

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

AudioError readError(int code)
{
    if (code == OP_HOLE)
        return makeError(AudioError::Kind::Corrupt,
                         QStringLiteral("Ogg Opus file has a damaged or missing page"));
    return makeError(AudioError::Kind::Corrupt,
                     QStringLiteral("Opus audio failed to decode (opusfile error %1)").arg(code));
}

// Pre-allocation follows the header's claimed length only up to a point: a tiny crafted file
// can claim hours, and the vector grows on demand anyway.
constexpr qint64 MaxReservedSamples = qint64(OpusRate) * 60;

// Downmixing through op_read_stereo lets opusfile apply the proper surround matrix; averaging
// the two channels then gives mono (and is exact for mono sources, which opusfile duplicates).
//
// A well-formed stream decodes to exactly its stated length (opusfile trims the final packet
// to the last granule position), so any other length is an error. Holding to that keeps
// decodeOggOpus and probeOggOpusDurationMs in agreement, which a server validating uploads with
// the probe relies on, and bounds memory by the length already checked against the limit.
Expected<QVector<qint16>, AudioError> readMono(OggOpusFile *file, qint64 totalSamples)
{
    // 120 ms, the longest Opus packet, so each call can return a whole packet.
    constexpr int MaxFrameSamples = OpusRate * 120 / 1000;
    std::array<opus_int16, 2 * MaxFrameSamples> stereo{};

    QVector<qint16> mono;
    mono.reserve(static_cast<qsizetype>(std::min(totalSamples, MaxReservedSamples)));
    for (;;) {
        const int frames = op_read_stereo(file, stereo.data(), static_cast<int>(stereo.size()));
        if (frames == 0)
            break;
        if (frames < 0)
            return readError(frames);
        if (mono.size() + frames > totalSamples)
            return makeError(AudioError::Kind::Corrupt,
                             QStringLiteral("Ogg Opus timestamps do not match its audio"));
        for (int i = 0; i < frames; ++i)
            mono.append(static_cast<qint16>((int(stereo[2 * i]) + int(stereo[2 * i + 1])) / 2));
    }
    if (mono.size() < totalSamples)
        return makeError(AudioError::Kind::Truncated,
                         QStringLiteral("Ogg Opus audio ends before its stated length"));
    return mono;
}

} // namespace

Expected<DecodedAudio, AudioError> decodeOggOpus(const QByteArray &bytes, qint64 maxDurationMs)
{
    auto opened = openOggOpus(bytes);
    if (!opened.hasValue())
        return opened.error();

    const qint64 maxSamples = msToSamplesSaturated(maxDurationMs);
    const qint64 total = opened.value().totalSamples;
    if (total > maxSamples)
        return makeError(AudioError::Kind::TooLong,
                         QStringLiteral("clip is %1 ms long, limit is %2 ms")
                             .arg(samplesToMs(total))
                             .arg(maxDurationMs));

    auto mono = readMono(opened.value().file.get(), total);
    if (!mono.hasValue())
        return mono.error();

    DecodedAudio audio;
    audio.samples = std::move(mono).value();
    audio.sampleRate = OpusRate;
    audio.durationMs = samplesToMs(audio.samples.size());
    return audio;
}

Expected<qint64, AudioError> probeOggOpusDurationMs(const QByteArray &bytes)
{
    auto opened = openOggOpus(bytes);
    if (!opened.hasValue())
        return opened.error();
    return samplesToMs(opened.value().totalSamples);
}
