#include "OggOpusStream.h"

#include "OggPageScan.h"

#include <opusfile.h>

#include <algorithm>
#include <cmath>

namespace {

AudioError makeError(AudioError::Kind kind, const QString &message)
{
    return AudioError{kind, message};
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

AudioError readError(int code)
{
    if (code == OP_HOLE)
        return makeError(AudioError::Kind::Corrupt,
                         QStringLiteral("Ogg Opus file has a damaged or missing page"));
    return makeError(AudioError::Kind::Corrupt,
                     QStringLiteral("Opus audio failed to decode (opusfile error %1)").arg(code));
}

} // namespace

void OggOpusStream::FileDeleter::operator()(OggOpusFile *file) const
{
    op_free(file);
}

OggOpusStream::~OggOpusStream() = default;
OggOpusStream::OggOpusStream(OggOpusStream &&) noexcept = default;
OggOpusStream &OggOpusStream::operator=(OggOpusStream &&) noexcept = default;

Expected<OggOpusStream, AudioError> OggOpusStream::open(const QByteArray &bytes)
{
    using Kind = AudioError::Kind;
    if (!bytes.startsWith(QByteArrayLiteral("OggS")))
        return makeError(Kind::NotOggOpus, QStringLiteral("not an Ogg file"));

    // Container damage first: opusfile would skip bad pages and decode what is left.
    const OggPageScan scan = scanOggPages(bytes);
    if (scan != OggPageScan::Complete)
        return scanError(scan);

    OggOpusStream stream;
    stream.m_bytes = bytes; // opusfile reads straight from these bytes
    int error = 0;
    stream.m_file.reset(
        op_open_memory(reinterpret_cast<const unsigned char *>(stream.m_bytes.constData()),
                       static_cast<size_t>(stream.m_bytes.size()), &error));
    if (!stream.m_file)
        return openError(error);

    const ogg_int64_t total = op_pcm_total(stream.m_file.get(), -1);
    if (total < 0)
        return makeError(Kind::Truncated, QStringLiteral("Ogg Opus file has no known length"));
    stream.m_total = static_cast<qint64>(total);
    stream.m_channels = op_channel_count(stream.m_file.get(), -1);
    const OpusHead *head = op_head(stream.m_file.get(), 0);
    if (op_link_count(stream.m_file.get()) == 1 && head && head->mapping_family == 0)
        stream.m_packets =
            OpusPacketDecoder::create(stream.m_bytes, int(op_serialno(stream.m_file.get(), 0)),
                                      int(head->pre_skip), head->output_gain);
    if (stream.m_packets)
        return stream;
    if (stream.m_channels > 1)
        stream.m_interleaved.reset(new qint16[2 * OggOpusMaxPacketSamples]);
    else
        stream.m_floats.reset(new float[OggOpusMaxPacketSamples]);
    return stream;
}

// One-stream files (all voice messages in practice) decode through OpusPacketDecoder. Others
// decode through opusfile: mono ones straight into `out`, the rest through op_read_stereo, which
// applies the proper surround downmix, and are then averaged to mono.
//
// A well-formed stream decodes to exactly its stated length (opusfile trims the final packet
// to the last granule position), so decoding past it is an error: that keeps the memory a
// caller reserves for totalSamples() sufficient. The packet path trims to it the same way.
Expected<int, AudioError> OggOpusStream::read(qint16 *out, int max)
{
    if (max <= 0 || atEnd())
        return 0;
    int frames = 0;
    if (m_packets) {
        // Capped at the stated length: the last packet's samples past the final granule
        // position are padding (opusfile trims them the same way).
        const auto got = m_packets->read(
            out,
            int(std::min<qint64>(std::min(max, OggOpusMaxPacketSamples), m_total - m_decoded)));
        if (!got)
            return got.error();
        frames = *got;
    } else if (m_channels == 1) {
        // op_read_float and a plain rounding, not op_read: op_read dithers with shaped noise on
        // the way to 16 bits, which costs as much again as decoding and is inaudible in speech.
        frames = op_read_float(m_file.get(), m_floats.get(), std::min(max, OggOpusMaxPacketSamples),
                               nullptr);
        for (int i = 0; i < frames; ++i)
            out[i] = static_cast<qint16>(
                std::clamp(std::lrint(m_floats[i] * 32768.0f), -32768L, 32767L));
    } else {
        frames = op_read_stereo(m_file.get(), m_interleaved.get(),
                                2 * std::min(max, OggOpusMaxPacketSamples));
        for (int i = 0; i < frames; ++i)
            out[i] = static_cast<qint16>(
                (int(m_interleaved[2 * i]) + int(m_interleaved[2 * i + 1])) / 2);
    }
    if (frames < 0)
        return readError(frames);
    if (frames == 0)
        return makeError(AudioError::Kind::Truncated,
                         QStringLiteral("Ogg Opus audio ends before its stated length"));
    if (m_decoded + frames > m_total)
        return makeError(AudioError::Kind::Corrupt,
                         QStringLiteral("Ogg Opus timestamps do not match its audio"));
    m_decoded += frames;
    return frames;
}
