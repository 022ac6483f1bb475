#pragma once

#include <QIODevice>

#include <memory>
#include <vector>

class DecodedClip;
namespace soundtouch {
class SoundTouch;
}

// What the audio sink pulls: a decoded clip from a position, at a speed, as 48 kHz mono 16-bit.
//
// Faster speeds keep the pitch (SoundTouch's WSOLA time-stretch): played 2x by resampling, a
// voice rises an octave and becomes hard to follow, while the point of speeding up is to listen
// to the same words in less time. At 1x the samples pass through untouched.
class PlaybackSource : public QIODevice
{
    Q_OBJECT
public:
    explicit PlaybackSource(std::shared_ptr<const DecodedClip> clip, QObject *parent = nullptr);
    ~PlaybackSource() override;

    void setSpeed(double speed);
    // In samples of the clip; clamped to what has been decoded.
    void seekTo(qint64 sample);
    // The clip position of what has been handed to the sink (less what the time-stretch holds).
    qint64 position() const;
    // Everything has been handed over: the sink plays out what it holds, then goes idle.
    bool exhausted() const;

    bool isSequential() const override { return true; }

Q_SIGNALS:
    // The first samples went to the audio system (what a click-to-sound measurement ends at).
    void firstDelivered();

public:
    qint64 bytesAvailable() const override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    qint64 copyDirect(qint16 *out, qint64 count);
    qint64 stretch(qint16 *out, qint64 count);

    std::shared_ptr<const DecodedClip> m_clip;
    std::unique_ptr<soundtouch::SoundTouch> m_stretch;
    std::vector<float> m_floats;
    qint64 m_position = 0; // next sample to hand over (or to feed to the stretch)
    double m_speed = 1.0;
    bool m_flushed = false; // the stretch was told the clip ended
    bool m_delivered = false;
};
