#pragma once

#include "app/workspace/Directory.h"

#include <QPointer>
#include <QWidget>

class AccountSession;
class ComposerEdit;
class ConsultationListModel;
class ConversationHeader;
class MessageListModel;
class MessageThread;
class QLabel;
class ReplyComposer;
class ScriptPicker;
class TranscriptEditing;
class VoiceInteraction;
class VoiceRecorderBar;
struct ActionFailure;

// One consultation: its header (who asked, its state, the actions that fit it), the dialogue
// and the reply box, kept in step with the cache. Replies go to the outbox (so they work
// offline); claim, transfer and close need the server and are offered only with it.
class ConversationView : public QWidget
{
    Q_OBJECT
public:
    explicit ConversationView(QWidget *parent = nullptr);

    void setSession(AccountSession *session);
    void setDirectory(const Directory &directory);
    void open(qint64 consultationId);
    // Opens the consultation and brings this message into view, marked (a search hit).
    void openAt(qint64 consultationId, qint64 messageId);
    qint64 consultationId() const;

    void claim();
    void transfer();
    void closeConsultation();
    void focusComposer();
    // The quick-insert popup of reply scripts at the composer's cursor (Ctrl+Shift+R, or "/"
    // where a word begins); only where the officer can reply.
    void pickScript();
    // The script into the reply at the cursor, its placeholders filled from this consultation.
    void insertScript(const QString &clientId);
    ScriptPicker *scriptPicker() const;
    void setEnterSends(bool enterSends);
    // Device ids (empty: the system's default), whether the next unheard clip plays on, and
    // whether a device that appears is used at once (a shared desk's headset).
    void setVoicePreferences(const QByteArray &input, const QByteArray &output,
                             bool playNextUnheard, bool newDeviceFirst = false);
    VoiceRecorderBar *recorderBar() const;
    VoiceInteraction *voice() const { return m_voice; }
    // What the last action's failure said; empty after a success.
    QString notice() const;
    MessageListModel *messages() const { return m_messages; }
    ComposerEdit *composer() const;

    static QString describe(const ActionFailure &failure);
    // Its controls in the order Tab visits them.
    QList<QWidget *> focusOrder() const;

Q_SIGNALS:
    // The open consultation's representative (for the dossier, which leaves that one out of
    // their earlier consultations).
    void representativeChanged(qint64 representativeId, qint64 consultationId);
    void opened(qint64 consultationId);

private:
    void requestTranscripts(int first, int last);
    void showRow();
    void updateActions();
    void loadOutbox();
    void showFailure(const ActionFailure &failure);
    void showProblem(const QString &text);
    void showScriptWarning(const QString &text);

    QPointer<AccountSession> m_session;
    ConsultationListModel *m_current = nullptr; // just the open consultation, kept live
    MessageListModel *m_messages = nullptr;
    Directory m_directory;
    QWidget *m_page;
    QLabel *m_placeholder;
    ConversationHeader *m_header;
    MessageThread *m_thread;
    ReplyComposer *m_reply;
    VoiceInteraction *m_voice;
    TranscriptEditing *m_transcripts;
    qint64 m_id = 0;
    bool m_scriptNotice = false; // the notice is about an inserted script
};
