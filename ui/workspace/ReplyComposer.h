#pragma once

#include "app/session/AvailableActions.h"
#include "app/workspace/ConsultationRow.h"
#include "app/workspace/Directory.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class AccountSession;
class AudioDevices;
class ComposerEdit;
class PlaceholderHighlighter;
class QPushButton;
class ScriptPicker;
class VoiceRecorderBar;
struct RecordedClip;

// The reply box of an open consultation: typing (with its draft kept), reply scripts ("/" or
// Ctrl+Shift+R, placeholders filled from the consultation), a voice reply, and sending. Replies
// go to the session's outbox, so all of it works offline.
class ReplyComposer : public QWidget
{
    Q_OBJECT
public:
    explicit ReplyComposer(QWidget *parent = nullptr);

    void setSession(AccountSession *session);
    void setDirectory(const Directory &directory) { m_directory = directory; }
    // Another consultation: the draft being written is kept, this one's is loaded.
    void open(qint64 consultationId);
    // The consultation as it now stands (what placeholders are filled from).
    void setConsultation(const ConsultationRow &row) { m_row = row; }
    // Whether the officer may reply, and if not, why (the box says so).
    void showReplyState(const AvailableActions &can);
    void setEnterSends(bool enterSends);

    void send();
    void pickScript();
    void insertScript(const QString &clientId);
    void saveDraft();

    ComposerEdit *editor() const { return m_composer; }
    ScriptPicker *scriptPicker() const { return m_picker; }
    VoiceRecorderBar *recorderBar() const { return m_recorderBar; }
    AudioDevices *devices() const { return m_devices; }
    QList<QWidget *> focusOrder() const;

Q_SIGNALS:
    // A reply is about to join the conversation: the dialogue should follow its end.
    void aboutToSend();
    void sent();
    void failed(const QString &reason);
    // What to check in a script just inserted; empty: nothing (any more).
    void scriptWarning(const QString &text);

private:
    void sendVoice(const RecordedClip &clip);
    // `slash`: the "/" (or "、") that opened it, owed to the text if no script is chosen.
    void openPicker(const QString &slash);

    QPointer<AccountSession> m_session;
    Directory m_directory;
    ConsultationRow m_row;
    qint64 m_id = 0;
    AvailableActions m_can; // as last shown: the hint is worded again when the send key changes
    ComposerEdit *m_composer;
    QPushButton *m_send;
    QPushButton *m_record;
    VoiceRecorderBar *m_recorderBar;
    AudioDevices *m_devices;
    PlaceholderHighlighter *m_highlighter;
    ScriptPicker *m_picker = nullptr;
    QTimer m_draftDelay;
    QString m_slashPending; // what opened the picker and is owed to the text
};
