#pragma once

#include "OggOpusDecoder.h"

#include <QByteArray>
#include <memory>

// Decodes the audio packets of a single-link Ogg Opus stream of one Opus stream (channel mapping
// family 0: mono or stereo, every voice message) straight through libopus's OpusDecoder, to
// mono 48 kHz samples, without opusfile.
//
// Why not opusfile for these: it decodes through libopus's multistream decoder, and that runs
// CPUID on every packet to pick its code path; under virtualisation each CPUID traps to the
// hypervisor, and on the ministries' virtual desktops (and this project's CI) that was half of
// all decoding time (perf: 52 % of samples on two CPUID instructions). The single-stream
// decoder picks its path once, when created. opusdec uses the multistream decoder too.
//
// libogg splits pages into packets; the caller (OggOpusStream) has already checked the page
// structure and the headers through opusfile, and keeps opusfile for every other kind of stream.
class OpusPacketDecoder
{
public:
    ~OpusPacketDecoder();

    // Nothing when this stream is not one it decodes exactly like opusfile would: another
    // mapping family, a chained file, or a first page whose granule position trims samples from
    // the start (RFC 7845 §4.5). `serial` is the Opus stream's (another logical stream, such
    // as an Ogg Skeleton, may come first). `bytes` is shared, not copied.
    static std::unique_ptr<OpusPacketDecoder> create(const QByteArray &bytes, int serial,
                                                     int preSkip, int gainQ8);

    // Decodes up to `max` samples into `out`: the returned count, 0 when the packets have run
    // out, or the damage found (a missing page, a packet libopus cannot decode).
    Expected<int, AudioError> read(qint16 *out, int max);

private:
    OpusPacketDecoder() = default;
    struct State;
    std::unique_ptr<State> d;
};
