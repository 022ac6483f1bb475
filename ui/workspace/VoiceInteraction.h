#pragma once

#include <QModelIndex>
#include <QObject>
#include <QPointer>

class MessageDelegate;
class MessageListModel;
class QListView;
class VoiceMessages;
class Transcriber;

// Makes the voice bubbles of a conversation list work: click the button to play or pause,
// click or drag along the waveform to seek, click the speed to cycle 1x, 1.5x, 2x, Space plays
// or pauses the focused clip; heard marks and computed waveforms reach the model; optionally
// the next unheard clip plays on.
class VoiceInteraction : public QObject
{
    Q_OBJECT
public:
    VoiceInteraction(QListView *list, MessageDelegate *delegate, QObject *parent = nullptr);

    void setVoice(VoiceMessages *voice);
    // Its progress shown on the voice messages it works on.
    void setTranscriber(Transcriber *transcriber);
    void setPlayNextUnheard(bool on) { m_playNext = on; }
    // Plays or pauses the clip of this row; false if it is not a playable voice message.
    bool toggle(const QModelIndex &index);

Q_SIGNALS:
    void speedChosen(double speed); // to remember it

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    MessageListModel *model() const;
    bool onMouse(QEvent *event);
    void repaint(qint64 messageId);
    void playNextUnheard(qint64 finishedId);
    void cycleSpeed();

    QListView *m_list;
    MessageDelegate *m_delegate;
    QWidget *m_viewport;
    QPointer<VoiceMessages> m_voice;
    QPointer<Transcriber> m_transcriber;
    qint64 m_dragging = 0; // the clip being sought by dragging
    bool m_playNext = false;
};
