#pragma once

#include <QAudioDevice>
#include <QFuture>
#include <QMediaDevices>
#include <QObject>
#include <QTimer>

#include <memory>

class DecodedClip;
class PlaybackSource;
class QAudioSink;

// Plays one voice clip at a time to the chosen output: decodes it on a pool thread and starts
// the sink after the first 200 ms are there, so a click is heard at once even for a minute-long
// clip. Clips are named by a key (a message id; the recorder's preview uses its own).
class VoicePlayer : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Idle,
        Loading,
        Playing,
        Paused
    };
    Q_ENUM(State)

    explicit VoicePlayer(QObject *parent = nullptr);
    ~VoicePlayer() override;

    void setOutputDevice(const QAudioDevice &device);
    QAudioDevice outputDevice() const { return m_device; }

    // Starts the clip in the file (or in `bytes`), from `fraction` of its length. The clip that
    // was playing stops.
    void play(qint64 key, const QString &path, double fraction = 0.0);
    void playBytes(qint64 key, const QByteArray &bytes, double fraction = 0.0);
    void pause();
    void resume();
    void stop();
    // Within the current clip, as a fraction of its length.
    void seek(double fraction);
    void setSpeed(double speed);

    qint64 currentKey() const { return m_key; }
    State state() const { return m_state; }
    double speed() const { return m_speed; }
    qint64 positionMs() const;
    qint64 durationMs() const;

Q_SIGNALS:
    void stateChanged(qint64 key, VoicePlayer::State state);
    void positionChanged(qint64 key, qint64 positionMs); // a few times a second while playing
    void finished(qint64 key);                           // played to the end
    void audible(qint64 key); // its first samples reached the audio system
    // The clip cannot be played (damaged, another format, no output device, the device went away).
    void failed(qint64 key, const QString &reason);
    // Computed from the decoded audio, for clips whose sender supplied none.
    void waveformComputed(qint64 key, const QByteArray &packed);

private:
    void start(qint64 key, const QString &path, const QByteArray &bytes, double fraction);
    void onDecodeStarted(const std::shared_ptr<DecodedClip> &clip);
    void onSinkState();
    void onOutputsChanged();
    void fail(const QString &reason);
    void setState(State state);
    void release();

    QMediaDevices m_devices;
    QAudioDevice m_device;
    std::shared_ptr<DecodedClip> m_clip;
    QFuture<void> m_decoding;
    std::unique_ptr<QAudioSink> m_sink;
    std::unique_ptr<PlaybackSource> m_source;
    QTimer m_ticker;
    int m_ticks = 0;
    qint64 m_key = 0;
    State m_state = State::Idle;
    double m_speed = 1.0;
    double m_startFraction = 0.0;
};
