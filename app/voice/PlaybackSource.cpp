#include "PlaybackSource.h"

#include "DecodedClip.h"
#include "VoiceFormat.h"

#include <SoundTouch.h>

#include <algorithm>
#include <cmath>

namespace {
constexpr int FeedSamples = 1024;
} // namespace

PlaybackSource::PlaybackSource(std::shared_ptr<const DecodedClip> clip, QObject *parent)
    : QIODevice(parent)
    , m_clip(std::move(clip))
    , m_stretch(std::make_unique<soundtouch::SoundTouch>())
{
    m_stretch->setSampleRate(VoiceSampleRate);
    m_stretch->setChannels(1);
    // Unbuffered: QIODevice would otherwise read ahead, and a seek or a speed change would
    // only be heard after the stale bytes it holds.
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

PlaybackSource::~PlaybackSource() = default;

void PlaybackSource::setSpeed(double speed)
{
    if (speed == m_speed)
        return;
    m_position = position(); // what the stretch held is dropped and fed again
    m_speed = speed;
    m_stretch->clear();
    m_stretch->setTempo(speed);
    m_flushed = false;
}

void PlaybackSource::seekTo(qint64 sample)
{
    m_position = std::clamp<qint64>(sample, 0, m_clip->available());
    m_stretch->clear();
    m_flushed = false;
}

qint64 PlaybackSource::position() const
{
    if (m_speed == 1.0)
        return m_position;
    const double held = m_stretch->numUnprocessedSamples() + m_stretch->numSamples() * m_speed;
    return std::clamp<qint64>(m_position - std::llround(held), 0, m_clip->total());
}

bool PlaybackSource::exhausted() const
{
    return m_position >= m_clip->total() && (m_speed == 1.0 || m_stretch->numSamples() == 0);
}

qint64 PlaybackSource::bytesAvailable() const
{
    const qint64 samples = m_clip->available() - m_position + m_stretch->numSamples();
    return samples * qint64(sizeof(qint16));
}

qint64 PlaybackSource::readData(char *data, qint64 maxSize)
{
    auto *out = reinterpret_cast<qint16 *>(data);
    const qint64 count = maxSize / qint64(sizeof(qint16));
    const qint64 written = m_speed == 1.0 ? copyDirect(out, count) : stretch(out, count);
    if (written > 0 && !m_delivered) {
        m_delivered = true;
        Q_EMIT firstDelivered();
    }
    return written * qint64(sizeof(qint16));
}

qint64 PlaybackSource::copyDirect(qint16 *out, qint64 count)
{
    const qint64 n = std::min(count, m_clip->available() - m_position);
    if (n <= 0)
        return 0;
    std::copy_n(m_clip->samples() + m_position, n, out);
    m_position += n;
    return n;
}

qint64 PlaybackSource::stretch(qint16 *out, qint64 count)
{
    while (qint64(m_stretch->numSamples()) < count && m_position < m_clip->available()) {
        const qint64 n = std::min<qint64>(FeedSamples, m_clip->available() - m_position);
        m_floats.resize(size_t(n));
        const qint16 *in = m_clip->samples() + m_position;
        for (qint64 i = 0; i < n; ++i)
            m_floats[size_t(i)] = in[i] / 32768.0f;
        m_stretch->putSamples(m_floats.data(), uint(n));
        m_position += n;
    }
    if (m_position >= m_clip->total() && !m_flushed) {
        m_stretch->flush(); // the last fraction of a second the stretch still holds
        m_flushed = true;
    }
    m_floats.resize(size_t(count));
    const uint got = m_stretch->receiveSamples(m_floats.data(), uint(count));
    for (uint i = 0; i < got; ++i)
        out[i] = qint16(std::clamp(std::lround(m_floats[i] * 32768.0f), -32768L, 32767L));
    return got;
}
