#include "VoicePlayer.h"

#include "DecodedClip.h"
#include "PlaybackSource.h"
#include "VoiceFormat.h"
#include "VoiceLog.h"

#include <QAudioSink>
#include <QMediaDevices>
#include <QtConcurrent>

namespace {
constexpr int TickMs = 50;
// Looking for the output device is a copy of the device list: twice a second is enough.
constexpr int DeviceCheckTicks = 500 / TickMs;
} // namespace

VoicePlayer::VoicePlayer(QObject *parent)
    : QObject(parent)
    , m_device(QMediaDevices::defaultAudioOutput())
{
    m_ticker.setInterval(TickMs);
    connect(&m_ticker, &QTimer::timeout, this, [this] {
        // Qt 6.4 only logs a PulseAudio stream killed with its device, and may not announce
        // the device's removal either: look for the device while playing.
        if (++m_ticks % DeviceCheckTicks == 0)
            onOutputsChanged();
        if (m_sink)
            Q_EMIT positionChanged(m_key, positionMs());
    });
    connect(&m_devices, &QMediaDevices::audioOutputsChanged, this, &VoicePlayer::onOutputsChanged);
}

VoicePlayer::~VoicePlayer()
{
    release();
}

void VoicePlayer::setOutputDevice(const QAudioDevice &device)
{
    if (device == m_device)
        return;
    m_device = device;
    if (!m_sink)
        return;
    if (device.isNull())
        return fail(tr("The sound output device was disconnected."));
    // Carry on where it was on the new device.
    const bool wasPlaying = m_state == State::Playing;
    const qint64 at = m_source->position();
    m_sink.reset();
    onDecodeStarted(m_clip);
    m_source->seekTo(at);
    if (!wasPlaying)
        pause();
}

void VoicePlayer::play(qint64 key, const QString &path, double fraction)
{
    start(key, path, {}, fraction);
}

void VoicePlayer::playBytes(qint64 key, const QByteArray &bytes, double fraction)
{
    start(key, {}, bytes, fraction);
}

void VoicePlayer::start(qint64 key, const QString &path, const QByteArray &bytes, double fraction)
{
    release();
    m_key = key;
    m_startFraction = std::clamp(fraction, 0.0, 1.0);
    if (m_device.isNull())
        return fail(tr("No sound output device."));
    setState(State::Loading);

    auto clip = std::make_shared<DecodedClip>();
    m_clip = clip;
    // The callbacks run on the pool thread; each hops to this object's thread, and is dropped
    // there if another clip has been started meanwhile. `this` outlives the decoding: release()
    // waits for it.
    DecodedClip::Callbacks callbacks;
    callbacks.started = [this, clip] {
        QMetaObject::invokeMethod(this, [this, clip] {
            if (clip == m_clip)
                onDecodeStarted(clip);
        });
    };
    callbacks.finished = [this, key](const QByteArray &waveform) {
        QMetaObject::invokeMethod(
            this, [this, key, waveform] { Q_EMIT waveformComputed(key, waveform); });
    };
    callbacks.failed = [this, clip](const AudioError &error) {
        QMetaObject::invokeMethod(this, [this, clip, error] {
            if (clip != m_clip)
                return;
            fail(error.kind == AudioError::Kind::NotOggOpus
                     ? tr("This voice message is in a format the console cannot play.")
                 : error.kind == AudioError::Kind::Truncated
                     ? tr("This voice message is incomplete and cannot be played.")
                     : tr("This voice message is damaged and cannot be played."));
        });
    };
    m_decoding = QtConcurrent::run(
        [clip, path, bytes, callbacks] { DecodedClip::decode(clip, path, bytes, callbacks); });
}

void VoicePlayer::onDecodeStarted(const std::shared_ptr<DecodedClip> &clip)
{
    m_source = std::make_unique<PlaybackSource>(clip);
    connect(m_source.get(), &PlaybackSource::firstDelivered, this,
            [this, key = m_key] { Q_EMIT audible(key); });
    m_source->setSpeed(m_speed);
    m_source->seekTo(qint64(m_startFraction * double(clip->total())));
    m_startFraction = 0.0;
    m_sink = std::make_unique<QAudioSink>(m_device, voicePcmFormat());
    connect(m_sink.get(), &QAudioSink::stateChanged, this, &VoicePlayer::onSinkState);
    m_sink->start(m_source.get());
    if (m_sink->error() != QAudio::NoError)
        return fail(tr("The sound output device cannot be opened."));
    setState(State::Playing);
    m_ticker.start();
}

// The device in use was unplugged: carry on with the system's default output (PulseAudio may
// already have moved the stream there), or stop with a message when there is none.
void VoicePlayer::onOutputsChanged()
{
    if (m_device.isNull() || QMediaDevices::audioOutputs().contains(m_device))
        return;
    setOutputDevice(QMediaDevices::defaultAudioOutput());
}

void VoicePlayer::onSinkState()
{
    if (!m_sink)
        return;
    const QAudio::State state = m_sink->state();
    if (state == QAudio::IdleState && m_source->exhausted()) {
        const qint64 key = m_key;
        release();
        setState(State::Idle);
        Q_EMIT finished(key);
        return;
    }
    if (state == QAudio::StoppedState && m_sink->error() != QAudio::NoError)
        fail(tr("The sound output device stopped working."));
}

void VoicePlayer::pause()
{
    if (m_state != State::Playing)
        return;
    m_sink->suspend();
    m_ticker.stop();
    setState(State::Paused);
}

void VoicePlayer::resume()
{
    if (m_state != State::Paused)
        return;
    m_sink->resume();
    m_ticker.start();
    setState(State::Playing);
}

void VoicePlayer::stop()
{
    release();
    setState(State::Idle);
}

void VoicePlayer::seek(double fraction)
{
    if (!m_clip)
        return;
    if (!m_source) { // still loading: start there
        m_startFraction = std::clamp(fraction, 0.0, 1.0);
        return;
    }
    m_source->seekTo(qint64(std::clamp(fraction, 0.0, 1.0) * double(m_clip->total())));
    Q_EMIT positionChanged(m_key, positionMs());
}

void VoicePlayer::setSpeed(double speed)
{
    m_speed = speed;
    if (m_source)
        m_source->setSpeed(speed);
}

qint64 VoicePlayer::positionMs() const
{
    return m_source ? m_source->position() / VoiceSamplesPerMs : 0;
}

qint64 VoicePlayer::durationMs() const
{
    return m_clip ? m_clip->total() / VoiceSamplesPerMs : 0;
}

void VoicePlayer::fail(const QString &reason)
{
    qCWarning(lcVoice) << "playing clip" << m_key << "failed:" << reason;
    const qint64 key = m_key;
    release();
    setState(State::Idle);
    Q_EMIT failed(key, reason);
}

void VoicePlayer::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(m_key, state);
}

void VoicePlayer::release()
{
    m_ticker.stop();
    if (m_sink) {
        m_sink->disconnect(this);
        m_sink->stop();
    }
    m_sink.reset();
    m_source.reset();
    if (m_clip)
        m_clip->cancel();
    m_decoding.waitForFinished(); // the decoder writes into m_clip; it stops within a packet
    m_clip.reset();
}
