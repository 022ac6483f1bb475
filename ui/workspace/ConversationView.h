#pragma once

#include "app/workspace/ConsultationRow.h"
#include "app/workspace/Directory.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class AccountSession;
class AudioDevices;
class VoiceInteraction;
class VoiceRecorderBar;
struct RecordedClip;
class ScriptPicker;
class ComposerEdit;
class ConsultationListModel;
class MessageDelegate;
class MessageListModel;
class PlaceholderHighlighter;
class QLabel;
class QListView;
class QPushButton;
struct ActionFailure;

// One consultation: who asked and its state, the dialogue, the actions that fit its state
// (claim, transfer, close), and the reply box. Replies go to the outbox (so they work offline);
// claim, transfer and close need the server and are disabled without it.
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
    ScriptPicker *scriptPicker() const { return m_picker; }
    void setEnterSends(bool enterSends);
    // Device ids (empty: the system's default) and whether the next unheard clip plays on.
    void setVoicePreferences(const QByteArray &input, const QByteArray &output,
                             bool playNextUnheard);
    VoiceRecorderBar *recorderBar() const { return m_recorderBar; }
    VoiceInteraction *voice() const { return m_voice; }
    // What the last action's failure said; empty after a success.
    QString notice() const;
    MessageListModel *messages() const { return m_messages; }
    ComposerEdit *composer() const { return m_composer; }

    static QString describe(const ActionFailure &failure);
    // Its controls in the order Tab visits them.
    QList<QWidget *> focusOrder() const;

Q_SIGNALS:
    void representativeChanged(qint64 representativeId);
    void opened(qint64 consultationId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void send();
    void sendVoice(const RecordedClip &clip);
    void showRow();
    void updateActions();
    void refreshOutbox();
    void showFailure(const ActionFailure &failure);
    void scrollToEndIfNear(bool force);
    void bringFocusedMessageIntoView();
    void saveDraft();
    // `slash`: the "/" (or "、") that opened it, owed to the text if no script is chosen.
    void openPicker(const QString &slash);
    void warnAboutScript(const QStringList &unfilled, const QDate &validUntil, bool outdated);

    QPointer<AccountSession> m_session;
    ConsultationListModel *m_current = nullptr; // just the open consultation, kept live
    MessageListModel *m_messages = nullptr;
    MessageDelegate *m_delegate;
    Directory m_directory;
    QWidget *m_page;
    QLabel *m_placeholder;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_notice;
    QPushButton *m_claim;
    QPushButton *m_transfer;
    QPushButton *m_close;
    QListView *m_list;
    ComposerEdit *m_composer;
    QPushButton *m_send;
    QPushButton *m_record;
    VoiceRecorderBar *m_recorderBar;
    VoiceInteraction *m_voice;
    AudioDevices *m_devices;
    qint64 m_id = 0;
    bool m_pinnedToEnd = true;
    qint64 m_focusMessage = 0;
    QTimer m_draftDelay;
    ScriptPicker *m_picker = nullptr;
    PlaceholderHighlighter *m_highlighter;
    QString m_slashPending;      // what opened the picker and is owed to the text
    bool m_scriptNotice = false; // the notice is about an inserted script
};
