#include "VoiceRecorder.h"

#include "VoiceFormat.h"
#include "app/audio/Waveform.h"

#include <QAudioSource>

#include <algorithm>
#include <cstdlib>

namespace {
constexpr int BlockSamples = 10 * VoiceSamplesPerMs;
} // namespace

VoiceRecorder::VoiceRecorder(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<RecordedClip>();
}

VoiceRecorder::~VoiceRecorder()
{
    release();
}

bool VoiceRecorder::start(const QAudioDevice &device)
{
    release();
    if (device.isNull()) {
        Q_EMIT failed(tr("No microphone is connected."));
        return false;
    }
    m_encoder = std::make_unique<OggOpusEncoder>(VoiceSampleRate);
    if (!m_encoder->isValid()) {
        Q_EMIT failed(tr("The voice encoder could not start: %1").arg(m_encoder->errorString()));
        return false;
    }
    m_envelope.clear();
    m_envelope.reserve(int(m_maxSamples / BlockSamples) + 1);
    m_blockPeak = m_blockFill = 0;
    m_samples = 0;
    m_pending.clear();
    m_source = std::make_unique<QAudioSource>(device, voicePcmFormat());
    connect(m_source.get(), &QAudioSource::stateChanged, this, &VoiceRecorder::onSourceState);
    m_input = m_source->start();
    if (!m_input || m_source->error() != QAudio::NoError) {
        release();
        Q_EMIT failed(tr("The microphone cannot be opened: it may be in use, or access to it "
                         "was denied."));
        return false;
    }
    connect(m_input, &QIODevice::readyRead, this, &VoiceRecorder::onReadyRead);
    Q_EMIT elapsedChanged(0);
    return true;
}

void VoiceRecorder::onReadyRead()
{
    drain();
    if (m_samples >= m_maxSamples)
        stop();
}

void VoiceRecorder::drain()
{
    if (!m_input)
        return;
    m_pending += m_input->readAll();
    const qint64 count = m_pending.size() / 2;
    consume(reinterpret_cast<const qint16 *>(m_pending.constData()), count);
    m_pending.remove(0, count * 2);
}

void VoiceRecorder::consume(const qint16 *samples, qint64 count)
{
    count = std::min(count, m_maxSamples - m_samples);
    if (count <= 0 || !m_encoder)
        return;
    int chunkPeak = 0;
    for (qint64 i = 0; i < count; ++i) {
        const int magnitude = std::abs(int(samples[i]));
        chunkPeak = std::max(chunkPeak, magnitude);
        m_blockPeak = std::max(m_blockPeak, magnitude);
        if (++m_blockFill == BlockSamples) {
            m_envelope.append(qint16(std::min(m_blockPeak, 32767)));
            m_blockPeak = m_blockFill = 0;
        }
    }
    m_encoder->write(samples, int(count));
    m_samples += count;
    Q_EMIT levelChanged(float(chunkPeak) / 32768.0f);
    Q_EMIT elapsedChanged(elapsedMs());
}

void VoiceRecorder::onSourceState()
{
    if (!m_source || m_source->error() == QAudio::NoError ||
        m_source->state() != QAudio::StoppedState)
        return;
    // The microphone went away: keep what was said, if anything was.
    if (m_samples > 0)
        return stop();
    release();
    Q_EMIT failed(tr("The microphone stopped working."));
}

void VoiceRecorder::stop()
{
    if (!m_source)
        return;
    drain(); // what the source still holds
    if (m_blockFill > 0)
        m_envelope.append(qint16(std::min(m_blockPeak, 32767)));
    auto encoder = std::move(m_encoder);
    const qint64 samples = m_samples;
    release();
    if (samples == 0) {
        Q_EMIT failed(tr("Nothing was recorded."));
        return;
    }
    auto file = encoder->finish();
    if (!file) {
        Q_EMIT failed(tr("The recording could not be encoded: %1").arg(file.error()));
        return;
    }
    RecordedClip clip;
    clip.oggOpus = std::move(file).value();
    clip.durationMs = samples / VoiceSamplesPerMs;
    clip.waveform = packWaveform5bit(computeWaveform(m_envelope.constData(), m_envelope.size()));
    Q_EMIT finished(clip);
}

void VoiceRecorder::cancel()
{
    release();
    m_encoder.reset();
}

void VoiceRecorder::release()
{
    if (m_source) {
        m_source->disconnect(this);
        m_source->stop();
    }
    m_input = nullptr;
    m_source.reset();
}
