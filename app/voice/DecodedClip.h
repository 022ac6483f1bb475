#pragma once

#include "VoiceFormat.h"
#include "app/audio/OggOpusDecoder.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

// A clip decoded on a pool thread while it already plays: the decoder appends samples, the
// player reads those that are there. The buffer is sized once from the clip's stated length and
// samples never move, so readers need only the published count (release/acquire), no lock.
class DecodedClip
{
public:
    // The longest clip a player accepts: twice the protocol's limit, so that a local file can
    // never make it reserve unbounded memory.
    static constexpr qint64 MaxSamples = qint64(VoiceSampleRate) * 240;

    qint64 total() const { return m_total; }
    qint64 available() const { return m_available.load(std::memory_order_acquire); }
    const qint16 *samples() const { return m_samples.data(); }
    bool isComplete() const { return available() == m_total && m_total > 0; }
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }

    struct Callbacks
    {
        // After the first samples, so playback can start at once; total() is known by then.
        std::function<void()> started;
        // All samples are there; the clip's waveform in the wire's 5-bit packing.
        std::function<void(const QByteArray &packedWaveform)> finished;
        std::function<void(const AudioError &error)> failed;
    };

    // Decodes the Ogg Opus file at `path` (or `bytes`, when path is empty) into `clip`, calling
    // back from the decoding thread. Meant for a pool thread; returns when done or cancelled.
    static void decode(const std::shared_ptr<DecodedClip> &clip, const QString &path,
                       const QByteArray &bytes, const Callbacks &callbacks);

private:
    qint64 m_total = 0;
    std::vector<qint16> m_samples;
    std::atomic<qint64> m_available{0};
    std::atomic<bool> m_cancelled{false};
};
