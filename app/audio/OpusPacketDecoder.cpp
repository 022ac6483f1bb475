#include "OpusPacketDecoder.h"

#include "OggOpusStream.h"

#include <ogg/ogg.h>
#include <opus.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace {

constexpr int OpusRate = 48000;
constexpr int HeaderPackets = 2; // OpusHead, then OpusTags (which may span pages)

// Ogg's packets of one logical stream, one at a time; pages of others (a multiplexed file) are
// passed over.
class PacketReader
{
public:
    PacketReader(const QByteArray &bytes, int serial)
        : m_bytes(bytes)
    {
        ogg_stream_init(&m_stream, serial);
        ogg_sync_init(&m_sync);
    }
    ~PacketReader()
    {
        ogg_stream_clear(&m_stream);
        ogg_sync_clear(&m_sync);
    }
    PacketReader(const PacketReader &) = delete;
    PacketReader &operator=(const PacketReader &) = delete;

    enum class Next
    {
        Packet,
        End,
        Hole, // a page is missing (its sequence number skips)
    };

    Next next(ogg_packet *packet)
    {
        for (;;) {
            const int got = ogg_stream_packetout(&m_stream, packet);
            if (got == 1)
                return Next::Packet;
            if (got < 0)
                return Next::Hole;
            ogg_page page;
            const int paged = ogg_sync_pageout(&m_sync, &page);
            if (paged == 0) {
                if (!feed())
                    return Next::End;
                continue;
            }
            if (paged < 0)
                continue; // bytes skipped; the caller's page scan has refused such files already
            ogg_stream_pagein(&m_stream, &page); // refuses pages of another serial number
        }
    }

private:
    // libogg works on its own buffer: the file goes in a piece at a time, so that reading the
    // first pages (startIsTrimmed) copies only those, and the buffer stays small.
    bool feed()
    {
        constexpr qsizetype Piece = 16 * 1024;
        const qsizetype n = std::min(Piece, m_bytes.size() - m_fed);
        if (n <= 0)
            return false;
        char *buffer = ogg_sync_buffer(&m_sync, long(n));
        std::memcpy(buffer, m_bytes.constData() + m_fed, size_t(n));
        ogg_sync_wrote(&m_sync, long(n));
        m_fed += n;
        return true;
    }

    QByteArray m_bytes; // shared with the caller (implicit sharing), not copied
    qsizetype m_fed = 0;
    ogg_sync_state m_sync;
    ogg_stream_state m_stream;
};

// RFC 7845 §4.5: a first audio page whose granule position is below the samples of the packets
// completed on it asks for that difference to be dropped from the start. Voice clips never do
// it; opusfile handles it, so such files take opusfile's path.
bool startIsTrimmed(const QByteArray &bytes, int serial)
{
    PacketReader reader(bytes, serial);
    ogg_packet packet;
    int headers = 0;
    qint64 samples = 0;
    while (reader.next(&packet) == PacketReader::Next::Packet) {
        if (headers < HeaderPackets) {
            ++headers;
            continue;
        }
        const int n = opus_packet_get_nb_samples(packet.packet, packet.bytes, OpusRate);
        if (n <= 0)
            continue; // skipped when decoding too, as opusfile does
        samples += n;
        if (packet.granulepos >= 0)
            return packet.granulepos < samples;
    }
    return false;
}

} // namespace

struct OpusPacketDecoder::State
{
    State(const QByteArray &bytes, int serial)
        : reader(bytes, serial)
    {}
    ~State()
    {
        if (decoder)
            opus_decoder_destroy(decoder);
    }
    State(const State &) = delete;
    State &operator=(const State &) = delete;

    PacketReader reader;
    OpusDecoder *decoder = nullptr;
    int headersLeft = HeaderPackets;
    int skipLeft = 0; // the pre-skip: encoder delay at the start, not part of the audio
    std::array<qint16, OggOpusMaxPacketSamples> pcm{};
    int pcmAt = 0;
    int pcmCount = 0;
};

OpusPacketDecoder::~OpusPacketDecoder() = default;

std::unique_ptr<OpusPacketDecoder> OpusPacketDecoder::create(const QByteArray &bytes, int serial,
                                                             int preSkip, int gainQ8)
{
    if (startIsTrimmed(bytes, serial))
        return nullptr;
    std::unique_ptr<OpusPacketDecoder> decoder(new OpusPacketDecoder);
    decoder->d = std::make_unique<State>(bytes, serial);
    int error = OPUS_OK;
    // One channel out whatever the stream has: libopus downmixes a stereo stream itself.
    decoder->d->decoder = opus_decoder_create(OpusRate, 1, &error);
    if (error != OPUS_OK || !decoder->d->decoder)
        return nullptr;
    if (gainQ8 != 0 && opus_decoder_ctl(decoder->d->decoder, OPUS_SET_GAIN(gainQ8)) != OPUS_OK)
        return nullptr;
    decoder->d->skipLeft = preSkip;
    return decoder;
}

Expected<int, AudioError> OpusPacketDecoder::read(qint16 *out, int max)
{
    State &s = *d;
    while (s.pcmAt == s.pcmCount) {
        ogg_packet packet;
        switch (s.reader.next(&packet)) {
        case PacketReader::Next::End:
            return 0;
        case PacketReader::Next::Hole:
            return AudioError{AudioError::Kind::Corrupt,
                              QStringLiteral("Ogg Opus file has a damaged or missing page")};
        case PacketReader::Next::Packet:
            break;
        }
        if (s.headersLeft > 0) {
            --s.headersLeft;
            continue;
        }
        // A packet without a valid table of contents (an empty one included) holds no audio;
        // opusfile passes over it, and libopus would conceal 120 ms for an empty one.
        if (opus_packet_get_nb_samples(packet.packet, opus_int32(packet.bytes), OpusRate) <= 0)
            continue;
        const int decoded = opus_decode(s.decoder, packet.packet, opus_int32(packet.bytes),
                                        s.pcm.data(), int(s.pcm.size()), 0);
        if (decoded < 0)
            return AudioError{AudioError::Kind::Corrupt,
                              QStringLiteral("Opus audio failed to decode (libopus: %1)")
                                  .arg(QString::fromUtf8(opus_strerror(decoded)))};
        const int skipped = std::min(s.skipLeft, decoded);
        s.skipLeft -= skipped;
        s.pcmAt = skipped;
        s.pcmCount = decoded;
    }
    const int n = std::min(max, s.pcmCount - s.pcmAt);
    std::copy_n(s.pcm.data() + s.pcmAt, n, out);
    s.pcmAt += n;
    return n;
}
