#pragma once

#include "OggOpusDecoder.h"
#include "OpusPacketDecoder.h"

#include <memory>

struct OggOpusFile;

// Decodes a complete in-memory Ogg Opus file a piece at a time, to mono 48 kHz samples: what a
// player needs to start after the first packets instead of after the whole clip.
//
// open() checks everything that is visible without decoding (page CRCs, a cut-off end, the
// headers, the stated length), so a damaged file is refused before any sound is made; damage
// inside audio packets can only show while reading, as an error from read().
class OggOpusStream
{
public:
    ~OggOpusStream();
    OggOpusStream(OggOpusStream &&) noexcept;
    OggOpusStream &operator=(OggOpusStream &&) noexcept;

    // `bytes` is shared, not copied (implicit sharing), and kept alive by the stream.
    static Expected<OggOpusStream, AudioError> open(const QByteArray &bytes);

    qint64 totalSamples() const { return m_total; }
    qint64 decodedSamples() const { return m_decoded; }
    bool atEnd() const { return m_decoded >= m_total; }

    // Decodes up to `max` samples (at least one packet's worth, 5760, is a sensible size) into
    // `out`. Returns how many were written, 0 at the end, or the damage found.
    Expected<int, AudioError> read(qint16 *out, int max);

private:
    OggOpusStream() = default;
    struct FileDeleter
    {
        void operator()(OggOpusFile *file) const;
    };

    QByteArray m_bytes;
    std::unique_ptr<OggOpusFile, FileDeleter> m_file;
    qint64 m_total = 0;
    qint64 m_decoded = 0;
    int m_channels = 1;
    std::unique_ptr<qint16[]> m_interleaved;      // only for streams with more than one channel
    std::unique_ptr<float[]> m_floats;            // only for mono streams opusfile decodes
    std::unique_ptr<OpusPacketDecoder> m_packets; // every one-stream file: see its header
};

// Samples per channel opusfile returns at most per read: 120 ms, the longest Opus packet.
constexpr int OggOpusMaxPacketSamples = 48000 * 120 / 1000;
