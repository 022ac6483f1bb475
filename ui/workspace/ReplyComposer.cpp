#include "ReplyComposer.h"

#include "ComposerEdit.h"
#include "app/scripts/ScriptLibrary.h"
#include "app/session/AccountSession.h"
#include "app/session/Replies.h"
#include "app/voice/AudioDevices.h"
#include "app/voice/VoiceMessages.h"
#include "app/workspace/ScriptContext.h"
#include "ui/scripts/PlaceholderHighlighter.h"
#include "ui/scripts/ScriptPicker.h"
#include "ui/voice/VoiceRecorderBar.h"

#include <QHBoxLayout>
#include <QPushButton>
#include <QVBoxLayout>
#include <utility>

ReplyComposer::ReplyComposer(QWidget *parent)
    : QWidget(parent)
    , m_composer(new ComposerEdit(this))
    , m_send(new QPushButton(tr("&Send"), this))
    , m_record(new QPushButton(tr("&Voice"), this))
    , m_recorderBar(new VoiceRecorderBar(this))
    , m_devices(new AudioDevices(this))
    , m_highlighter(new PlaceholderHighlighter(m_composer->document()))
{
    m_composer->setAccessibleName(tr("Reply"));
    m_composer->setMaximumHeight(m_composer->fontMetrics().height() * 6);
    m_send->setAccessibleName(tr("Send reply"));
    m_record->setAccessibleName(tr("Record a voice reply"));
    m_record->setToolTip(tr("Record a voice reply (Ctrl+Shift+V)"));
    m_record->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    setFocusProxy(m_composer);
    m_can.replyBlock = AvailableActions::ReplyBlock::ClaimFirst; // until a consultation is shown

    auto *row = new QHBoxLayout;
    row->addWidget(m_composer, 1);
    row->addWidget(m_record, 0, Qt::AlignBottom);
    row->addWidget(m_send, 0, Qt::AlignBottom);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_recorderBar);
    layout->addLayout(row);

    connect(m_send, &QPushButton::clicked, this, &ReplyComposer::send);
    connect(m_record, &QPushButton::clicked, this,
            [this] { m_recorderBar->start(m_devices->input()); });
    connect(m_recorderBar, &VoiceRecorderBar::sendRequested, this, &ReplyComposer::sendVoice);
    connect(m_composer, &ComposerEdit::submitted, this, &ReplyComposer::send);
    connect(m_composer, &ComposerEdit::scriptsRequestedBySlash, this, &ReplyComposer::openPicker);
    // Drafts are saved a moment after typing stops, and when another consultation opens.
    m_draftDelay.setSingleShot(true);
    m_draftDelay.setInterval(800);
    connect(&m_draftDelay, &QTimer::timeout, this, &ReplyComposer::saveDraft);
    connect(m_composer, &QPlainTextEdit::textChanged, &m_draftDelay, qOverload<>(&QTimer::start));
}

void ReplyComposer::setSession(AccountSession *session)
{
    saveDraft(); // the one being written when the window closes or the officer signs out
    m_session = session;
    m_id = 0;
    m_row = {};
    {
        const QSignalBlocker quiet(m_composer);
        m_composer->clear();
    }
    m_recorderBar->setPlayer(session ? &session->voice().player() : nullptr);
    // The picker lists the session's library: a new one for each sign-in.
    delete m_picker;
    m_picker = nullptr;
    m_composer->setSlashOpensScripts(session != nullptr);
    if (!session)
        return;
    m_picker = new ScriptPicker(session->scripts(), this);
    connect(m_picker, &ScriptPicker::chosen, this, &ReplyComposer::insertScript);
    connect(m_picker, &ScriptPicker::cancelled, this, [this] {
        // Nothing typed is lost.
        m_composer->insertPlainText(std::exchange(m_slashPending, QString()));
        m_composer->setFocus();
    });
}

void ReplyComposer::open(qint64 consultationId)
{
    saveDraft();
    m_id = consultationId;
    m_row = {};
    if (!m_session)
        return;
    const QSignalBlocker quiet(m_composer); // loading a draft is not typing
    m_composer->setPlainText(m_session->replies().draft(consultationId));
    m_composer->document()->setModified(false);
    m_composer->moveCursor(QTextCursor::End); // to go on where the officer stopped
}

void ReplyComposer::showReplyState(const AvailableActions &can)
{
    m_can = can;
    m_composer->setEnabled(can.reply);
    m_send->setEnabled(can.reply);
    m_record->setEnabled(can.reply);
    QString hint;
    switch (can.replyBlock) {
    case AvailableActions::ReplyBlock::None:
        hint = m_composer->enterSends() ? tr("Reply… (Enter sends, Shift+Enter: new line)")
                                        : tr("Reply… (Shift+Enter sends, Enter: new line)");
        break;
    case AvailableActions::ReplyBlock::ClaimFirst:
        hint = tr("Claim this consultation to reply");
        break;
    case AvailableActions::ReplyBlock::HeldByColleague:
        hint = tr("Only the officer holding it can reply");
        break;
    case AvailableActions::ReplyBlock::OtherDepartment:
        hint = tr("This consultation is now with another department");
        break;
    case AvailableActions::ReplyBlock::Closed:
        hint = tr("This consultation is closed");
        break;
    }
    m_composer->setPlaceholderText(hint);
}

void ReplyComposer::setEnterSends(bool enterSends)
{
    m_composer->setEnterSends(enterSends);
    showReplyState(m_can); // the placeholder says which key sends
}

void ReplyComposer::send()
{
    const QString text = m_composer->toPlainText().trimmed();
    if (!m_session || text.isEmpty() || !m_send->isEnabled())
        return;
    Q_EMIT aboutToSend(); // before the reply shows, so the list follows it
    const auto item = m_session->replies().sendText(m_id, text);
    if (!item) {
        Q_EMIT failed(tr("The reply could not be saved: %1").arg(item.error()));
        return;
    }
    {
        const QSignalBlocker quiet(m_composer);
        m_composer->clear();
    }
    m_draftDelay.stop();
    Q_EMIT sent();
}

// Like a text reply: into the outbox (the recording on disk first), then out when online.
void ReplyComposer::sendVoice(const RecordedClip &clip)
{
    if (!m_session || m_id <= 0)
        return;
    Q_EMIT aboutToSend();
    const auto item =
        m_session->replies().sendVoice(m_id, clip.oggOpus, clip.durationMs, clip.waveform);
    if (!item)
        Q_EMIT failed(tr("The voice reply could not be saved: %1").arg(item.error()));
}

void ReplyComposer::saveDraft()
{
    m_draftDelay.stop();
    if (m_session && m_id > 0 && m_composer->document()->isModified())
        m_session->replies().saveDraft(m_id, m_composer->toPlainText());
    m_composer->document()->setModified(false);
}

void ReplyComposer::pickScript()
{
    openPicker(QString());
}

void ReplyComposer::openPicker(const QString &slash)
{
    if (!m_picker || !m_composer->isEnabled() || m_composer->isReadOnly()) {
        m_composer->insertPlainText(slash);
        return;
    }
    m_slashPending = slash;
    m_composer->setFocus();
    const QRect cursor = m_composer->cursorRect();
    m_picker->popup(QRect(m_composer->viewport()->mapToGlobal(cursor.topLeft()), cursor.size()));
}

void ReplyComposer::insertScript(const QString &clientId)
{
    m_slashPending.clear();
    if (!m_session || !m_composer->isEnabled())
        return;
    ScriptLibrary &library = m_session->scripts();
    const auto script = library.find(clientId);
    if (!script)
        return;
    const QDate today = QDate::currentDate();
    const FilledScript filled = ScriptPlaceholders::fill(
        script->body, placeholderContextFor(m_row, m_directory, m_session->principal(), today));
    // One edit of the document, so that Ctrl+Z in the composer takes the whole script back.
    QTextCursor cursor = m_composer->textCursor();
    cursor.insertText(filled.text);
    m_composer->setTextCursor(cursor);
    m_composer->setFocus();
    library.recordUse(clientId);

    QStringList warnings;
    if (!filled.unfilled.isEmpty())
        warnings
            << tr("Fill in before sending: %1").arg(filled.unfilled.join(QStringLiteral(", ")));
    if (script->isOutdated(today))
        warnings << tr("This script was valid until %1 and may be outdated.")
                        .arg(script->validUntil.toString(Qt::ISODate));
    Q_EMIT scriptWarning(warnings.join(u'\n'));
}

QList<QWidget *> ReplyComposer::focusOrder() const
{
    return {m_composer, m_record, m_send};
}
