#pragma once

#include "app/voice/VoiceRecorder.h"

#include <QAudioDevice>
#include <QPointer>
#include <QWidget>

class LevelMeter;
class QLabel;
class QPushButton;
class VoicePlayer;

// Records a voice reply under the conversation: a live level meter and the time against the
// maximum, Stop and Cancel; then a preview to listen to, Send and Discard. Problems (no
// microphone, access denied) are said here; the text reply box stays usable throughout.
class VoiceRecorderBar : public QWidget
{
    Q_OBJECT
public:
    // The preview plays under this key, which no message has.
    static constexpr qint64 PreviewKey = -1;

    explicit VoiceRecorderBar(QWidget *parent = nullptr);

    void setPlayer(VoicePlayer *player);
    void start(const QAudioDevice &input);
    bool isBusy() const { return !isHidden(); }
    VoiceRecorder &recorder() { return m_recorder; }

Q_SIGNALS:
    void sendRequested(const RecordedClip &clip);

private:
    void showRecording();
    void showPreview(const RecordedClip &clip);
    void showProblem(const QString &reason);
    void close();

    VoiceRecorder m_recorder;
    QPointer<VoicePlayer> m_player;
    RecordedClip m_clip;
    LevelMeter *m_meter;
    QLabel *m_status;
    QLabel *m_time;
    QPushButton *m_stop;
    QPushButton *m_preview;
    QPushButton *m_send;
    QPushButton *m_cancel;
};
