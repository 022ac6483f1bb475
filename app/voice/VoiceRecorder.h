#pragma once

#include "VoiceFormat.h"
#include "app/audio/OggOpusEncoder.h"

#include <QAudioDevice>
#include <QElapsedTimer>
#include <QObject>

#include <memory>

class QAudioSource;
class QIODevice;

// A voice reply as recorded: the Ogg Opus file, its length and its waveform (5-bit packed).
struct RecordedClip
{
    QByteArray oggOpus;
    qint64 durationMs = 0;
    QByteArray waveform;
};

// Records a voice reply from an input device: 48 kHz mono 16-bit from QAudioSource, encoded as
// it arrives (OggOpusEncoder: libopusenc, mono, VOIP application, 24 kbit/s, 20 ms frames; its
// header says why), with the level and the elapsed time for a meter, and the waveform gathered
// as it goes (the peak of every 10 ms), so stopping costs only the encoder's last frames.
class VoiceRecorder : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultMaxDurationMs = 60 * 1000;

    explicit VoiceRecorder(QObject *parent = nullptr);
    ~VoiceRecorder() override;

    void setMaxDurationMs(qint64 ms) { m_maxSamples = ms * VoiceSamplesPerMs; }
    qint64 maxDurationMs() const { return m_maxSamples / VoiceSamplesPerMs; }
    bool isRecording() const { return m_source != nullptr; }

    // Reports failed() (and returns false) when there is no such device or it will not open.
    bool start(const QAudioDevice &device);
    // Ends the recording: finished() with the clip, at once.
    void stop();
    void cancel();
    qint64 elapsedMs() const { return m_samples / VoiceSamplesPerMs; }

Q_SIGNALS:
    void levelChanged(float peak); // 0..1, the loudest sample since the last report
    void elapsedChanged(qint64 ms);
    void finished(const RecordedClip &clip);
    void failed(const QString &reason);

private:
    void onReadyRead();
    void drain();
    void onSourceState();
    void consume(const qint16 *samples, qint64 count);
    void release();

    std::unique_ptr<QAudioSource> m_source;
    QIODevice *m_input = nullptr; // owned by m_source
    std::unique_ptr<OggOpusEncoder> m_encoder;
    QVector<qint16> m_envelope; // peak of every 10 ms block, for the waveform
    int m_blockPeak = 0;
    int m_blockFill = 0;
    qint64 m_samples = 0;
    qint64 m_maxSamples = DefaultMaxDurationMs * VoiceSamplesPerMs;
    QByteArray m_pending; // an odd byte between reads
};

Q_DECLARE_METATYPE(RecordedClip)
