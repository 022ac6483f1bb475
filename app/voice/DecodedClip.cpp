#include "DecodedClip.h"

#include "VoiceFormat.h"
#include "app/audio/OggOpusStream.h"
#include "app/audio/Waveform.h"

#include <QFile>

namespace {

Expected<QByteArray, AudioError> readClip(const QString &path, const QByteArray &bytes)
{
    if (path.isEmpty())
        return bytes;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return AudioError{
            AudioError::Kind::Truncated,
            QStringLiteral("the clip file cannot be read: %1").arg(file.errorString())};
    return file.readAll();
}

// Enough to start playing without a gap while the rest decodes: 200 ms.
constexpr qint64 StartAfterSamples = 200 * VoiceSamplesPerMs;

} // namespace

void DecodedClip::decode(const std::shared_ptr<DecodedClip> &clip, const QString &path,
                         const QByteArray &bytes, const Callbacks &callbacks)
{
    const auto data = readClip(path, bytes);
    if (!data)
        return callbacks.failed(data.error());
    auto opened = OggOpusStream::open(*data);
    if (!opened)
        return callbacks.failed(opened.error());
    OggOpusStream &stream = opened.value();
    if (stream.totalSamples() <= 0 || stream.totalSamples() > MaxSamples)
        return callbacks.failed(AudioError{AudioError::Kind::TooLong,
                                           QStringLiteral("the clip is empty or far too long")});

    clip->m_total = stream.totalSamples();
    clip->m_samples.resize(static_cast<size_t>(clip->m_total));
    bool started = false;
    while (!stream.atEnd()) {
        if (clip->m_cancelled.load(std::memory_order_relaxed))
            return;
        const qint64 at = stream.decodedSamples();
        const auto got = stream.read(
            clip->m_samples.data() + at,
            static_cast<int>(std::min<qint64>(clip->m_total - at, OggOpusMaxPacketSamples)));
        if (!got)
            return callbacks.failed(got.error());
        clip->m_available.store(stream.decodedSamples(), std::memory_order_release);
        if (!started && (stream.decodedSamples() >= StartAfterSamples || stream.atEnd())) {
            started = true;
            callbacks.started();
        }
    }
    callbacks.finished(
        packWaveform5bit(computeWaveform(clip->m_samples.data(), qsizetype(clip->m_total))));
}
