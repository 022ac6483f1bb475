#include "ConversationView.h"

#include "ComposerEdit.h"
#include "ConsultationDelegate.h"
#include "MessageDelegate.h"
#include "TransferDialog.h"
#include "app/scripts/ScriptLibrary.h"
#include "app/session/AccountSession.h"
#include "app/session/AvailableActions.h"
#include "app/session/ConsultationActions.h"
#include "app/session/Replies.h"
#include "app/workspace/ConsultationListModel.h"
#include "app/workspace/MessageListModel.h"
#include "app/workspace/ScriptContext.h"
#include "ui/scripts/PlaceholderHighlighter.h"
#include "ui/scripts/ScriptPicker.h"

#include "app/voice/AudioDevices.h"
#include "app/voice/VoiceMessages.h"
#include "ui/voice/VoiceRecorderBar.h"
#include "ui/workspace/VoiceInteraction.h"
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>
#include <utility>

ConversationView::ConversationView(QWidget *parent)
    : QWidget(parent)
    , m_delegate(new MessageDelegate(this))
    , m_page(new QWidget(this))
    , m_placeholder(new QLabel(tr("Select a consultation in the queue."), this))
    , m_title(new QLabel(m_page))
    , m_subtitle(new QLabel(m_page))
    , m_notice(new QLabel(m_page))
    , m_claim(new QPushButton(tr("&Claim"), m_page))
    , m_transfer(new QPushButton(tr("&Transfer…"), m_page))
    , m_close(new QPushButton(tr("Clos&e…"), m_page))
    , m_list(new QListView(m_page))
    , m_composer(new ComposerEdit(m_page))
    , m_send(new QPushButton(tr("&Send"), m_page))
    , m_record(new QPushButton(tr("&Voice"), m_page))
    , m_recorderBar(new VoiceRecorderBar(m_page))
    , m_voice(new VoiceInteraction(m_list, m_delegate, this))
    , m_devices(new AudioDevices(this))
    , m_highlighter(new PlaceholderHighlighter(m_composer->document()))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setWordWrap(true);
    m_notice->setWordWrap(true);
    m_notice->hide();
    QPalette noticePalette = m_notice->palette();
    noticePalette.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
    m_notice->setPalette(noticePalette);
    m_claim->setToolTip(tr("Take this consultation (Ctrl+Shift+C)"));
    m_transfer->setToolTip(tr("Hand it to a colleague or another department (Ctrl+Shift+T)"));
    m_close->setToolTip(tr("Close with a summary (Ctrl+Shift+E)"));

    m_list->setItemDelegate(m_delegate);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setAccessibleName(tr("Conversation"));
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setWordWrap(true);
    m_list->viewport()->installEventFilter(this);

    m_composer->setAccessibleName(tr("Reply"));
    m_composer->setMaximumHeight(m_composer->fontMetrics().height() * 6);
    m_send->setAccessibleName(tr("Send reply"));
    m_record->setAccessibleName(tr("Record a voice reply"));
    m_record->setToolTip(tr("Record a voice reply (Ctrl+Shift+V)"));
    m_record->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));

    // Name and actions on one row; the details below get the whole width.
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_title, 1);
    actions->addWidget(m_claim);
    actions->addWidget(m_transfer);
    actions->addWidget(m_close);
    auto *composerRow = new QHBoxLayout;
    composerRow->addWidget(m_composer, 1);
    composerRow->addWidget(m_record, 0, Qt::AlignBottom);
    composerRow->addWidget(m_send, 0, Qt::AlignBottom);
    m_placeholder->setAlignment(Qt::AlignCenter);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_placeholder);
    outer->addWidget(m_page);
    m_page->hide();
    auto *layout = new QVBoxLayout(m_page);
    layout->addLayout(actions);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_notice);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_recorderBar);
    layout->addLayout(composerRow);

    connect(m_claim, &QPushButton::clicked, this, &ConversationView::claim);
    connect(m_transfer, &QPushButton::clicked, this, &ConversationView::transfer);
    connect(m_close, &QPushButton::clicked, this, &ConversationView::closeConsultation);
    connect(m_send, &QPushButton::clicked, this, &ConversationView::send);
    connect(m_record, &QPushButton::clicked, this,
            [this] { m_recorderBar->start(m_devices->input()); });
    connect(m_recorderBar, &VoiceRecorderBar::sendRequested, this, &ConversationView::sendVoice);
    connect(m_composer, &ComposerEdit::submitted, this, &ConversationView::send);
    connect(m_composer, &ComposerEdit::scriptsRequestedBySlash, this,
            &ConversationView::openPicker);
    // Drafts are saved a moment after typing stops, and when another consultation opens.
    m_draftDelay.setSingleShot(true);
    m_draftDelay.setInterval(800);
    connect(&m_draftDelay, &QTimer::timeout, this, &ConversationView::saveDraft);
    connect(m_composer, &QPlainTextEdit::textChanged, &m_draftDelay, qOverload<>(&QTimer::start));
    connect(m_list->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        const QScrollBar *bar = m_list->verticalScrollBar();
        m_pinnedToEnd = value >= bar->maximum() - 4;
        if (value == bar->minimum() && m_messages && m_messages->canFetchOlder())
            m_messages->fetchOlder();
    });
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &index) {
        // A failed reply: try again.
        if (m_session && index.data(MessageListModel::DeliveryRole).toInt() ==
                             static_cast<int>(MessageListModel::Delivery::Failed)) {
            m_session->replies().retry(m_id,
                                       index.data(MessageListModel::ClientMsgIdRole).toString());
        }
    });
}

void ConversationView::setSession(AccountSession *session)
{
    saveDraft(); // the one being written when the window closes or the officer signs out
    m_session = session;
    delete m_current;
    delete m_messages;
    m_current = nullptr;
    m_messages = nullptr;
    m_id = 0;
    m_page->hide();
    m_placeholder->show();
    m_voice->setVoice(session ? &session->voice() : nullptr);
    m_recorderBar->setPlayer(session ? &session->voice().player() : nullptr);
    // The picker lists the session's library: a new one for each sign-in.
    delete m_picker;
    m_picker = nullptr;
    m_composer->setSlashOpensScripts(session != nullptr);
    if (!session)
        return;
    m_picker = new ScriptPicker(session->scripts(), this);
    connect(m_picker, &ScriptPicker::chosen, this, &ConversationView::insertScript);
    connect(m_picker, &ScriptPicker::cancelled, this, [this] {
        // Nothing typed is lost.
        m_composer->insertPlainText(std::exchange(m_slashPending, QString()));
        m_composer->setFocus();
    });
    VoicePlayer &player = session->voice().player();
    player.setOutputDevice(m_devices->output());
    connect(m_devices, &AudioDevices::outputChanged, &player, &VoicePlayer::setOutputDevice);
    m_current = new ConsultationListModel(session->cacheReader(), this);
    m_messages = new MessageListModel(session->cacheReader(), this);
    m_list->setModel(m_messages);
    connect(session, &AccountSession::consultationsChanged, m_current,
            &ConsultationListModel::refresh);
    connect(session, &AccountSession::consultationsChanged, m_messages, &MessageListModel::refresh);
    connect(session, &AccountSession::stateChanged, this, &ConversationView::updateActions);
    connect(&session->replies(), &Replies::changed, this, [this](qint64 consultationId) {
        if (consultationId == m_id)
            refreshOutbox();
    });
    connect(m_current, &QAbstractItemModel::modelReset, this, &ConversationView::showRow);
    connect(m_current, &QAbstractItemModel::rowsInserted, this, &ConversationView::showRow);
    connect(m_current, &QAbstractItemModel::rowsRemoved, this, &ConversationView::showRow);
    connect(m_current, &QAbstractItemModel::dataChanged, this, &ConversationView::showRow);
    connect(m_messages, &MessageListModel::newestLoaded, this, [this] {
        scrollToEndIfNear(true);
        bringFocusedMessageIntoView();
        if (m_session && m_messages->newestMessageId() > 0)
            m_session->markRead(m_id, m_messages->newestMessageId());
    });
    connect(m_messages, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first) {
                if (first > 0) { // at the end: new messages
                    scrollToEndIfNear(false);
                    if (isVisible() && m_session)
                        m_session->markRead(m_id, m_messages->newestMessageId());
                }
            });
    connect(m_messages, &MessageListModel::olderLoaded, this, [this](int rows) {
        // Keep the entry the officer was looking at in place.
        if (rows > 0 && m_focusMessage == 0)
            m_list->scrollTo(m_messages->index(rows), QAbstractItemView::PositionAtTop);
        bringFocusedMessageIntoView();
    });
}

bool ConversationView::eventFilter(QObject *watched, QEvent *event)
{
    // Bubbles wrap to the viewport's width: lay them out again when it changes.
    if (watched == m_list->viewport() && event->type() == QEvent::Resize) {
        m_delegate->setWidth(m_list->viewport()->width());
        m_list->doItemsLayout();
    }
    return QWidget::eventFilter(watched, event);
}

void ConversationView::setDirectory(const Directory &directory)
{
    m_directory = directory;
    m_delegate->setDirectory(directory);
    m_list->viewport()->update();
}

qint64 ConversationView::consultationId() const
{
    return m_id;
}

void ConversationView::open(qint64 consultationId)
{
    if (!m_session || consultationId == m_id)
        return;
    saveDraft();
    m_id = consultationId;
    if (m_focusMessage == 0)
        m_delegate->setHighlighted(0);
    m_notice->hide();
    m_scriptNotice = false;
    m_pinnedToEnd = true;
    m_delegate->setWidth(m_list->viewport()->width());
    ConsultationQuery query{ConsultationQuery::Filter::All, m_session->responderId(),
                            m_session->departmentId()};
    query.onlyId = consultationId;
    m_current->setQuery(query);
    m_messages->setConsultation(consultationId, m_session->responderId());
    {
        const QSignalBlocker quiet(m_composer); // loading a draft is not typing
        m_composer->setPlainText(m_session->replies().draft(consultationId));
        m_composer->document()->setModified(false);
        m_composer->moveCursor(QTextCursor::End); // to go on where the officer stopped
    }
    refreshOutbox();
    m_placeholder->hide();
    m_page->show();
    Q_EMIT opened(consultationId);
}

void ConversationView::openAt(qint64 consultationId, qint64 messageId)
{
    m_focusMessage = messageId;
    m_delegate->setHighlighted(messageId);
    if (consultationId == m_id)
        return bringFocusedMessageIntoView();
    open(consultationId);
}

void ConversationView::bringFocusedMessageIntoView()
{
    if (m_focusMessage == 0 || !m_messages)
        return;
    const int row = m_messages->rowOfMessage(m_focusMessage);
    if (row >= 0) {
        m_focusMessage = 0;
        m_pinnedToEnd = false;
        m_list->scrollTo(m_messages->index(row), QAbstractItemView::PositionAtCenter);
        m_list->viewport()->update();
        return;
    }
    // Further back than what is loaded: load older pages until it is there.
    if (m_messages->canFetchOlder())
        m_messages->fetchOlder();
    else
        m_focusMessage = 0; // not in this conversation (any more)
}

void ConversationView::showRow()
{
    if (!m_current || m_current->rowCount() == 0)
        return;
    const ConsultationRow &row = m_current->rowAt(0);
    m_title->setText(row.representativeName);
    QStringList parts{ConsultationDelegate::titleOf(row.representativeKind)};
    if (!row.representativeGroup.isEmpty())
        parts << row.representativeGroup;
    parts << QLocale().toString(QDateTime::fromMSecsSinceEpoch(row.createdAt),
                                QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    switch (row.state) {
    case ConsultationState::Waiting:
        parts << tr("waiting");
        break;
    case ConsultationState::Claimed:
        parts << (row.assigneeId == m_session->responderId()
                      ? tr("yours")
                      : tr("with %1").arg(m_directory.responderName(row.assigneeId)));
        break;
    case ConsultationState::Closed:
        parts << tr("closed");
        break;
    }
    if (row.rating > 0)
        parts << tr("rated %1 of 5").arg(row.rating);
    m_subtitle->setText(parts.join(QStringLiteral(" · ")));
    m_subtitle->setToolTip(row.subject);
    updateActions();
    Q_EMIT representativeChanged(row.representativeId);
}

void ConversationView::updateActions()
{
    const bool online =
        m_session && m_session->connectionState() == AccountSession::ConnectionState::Online;
    const bool known = m_session && m_current && m_current->rowCount() > 0;
    const AvailableActions can =
        known ? AvailableActions::of(m_session->principal(), m_current->rowAt(0).record(), online)
              : AvailableActions{};
    m_claim->setEnabled(can.claim);
    m_transfer->setEnabled(can.transfer);
    m_close->setEnabled(can.close);
    const QString needsServer =
        can.waitsForConnection ? tr("Needs a connection to the server") : QString();
    for (QPushButton *button : {m_claim, m_transfer, m_close})
        button->setStatusTip(needsServer);
    // Replies are queued offline, but only the holder of a claimed consultation may answer.
    m_composer->setEnabled(can.reply);
    m_send->setEnabled(can.reply);
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
    case AvailableActions::ReplyBlock::Closed:
        hint = tr("This consultation is closed");
        break;
    }
    m_composer->setPlaceholderText(hint);
}

void ConversationView::send()
{
    const QString text = m_composer->toPlainText().trimmed();
    if (!m_session || text.isEmpty() || !m_send->isEnabled())
        return;
    m_pinnedToEnd = true; // before the reply shows, so the list follows it
    const auto item = m_session->replies().sendText(m_id, text);
    if (!item) {
        m_notice->setText(tr("The reply could not be saved: %1").arg(item.error()));
        m_notice->show();
        m_scriptNotice = false;
        return;
    }
    {
        const QSignalBlocker quiet(m_composer);
        m_composer->clear();
    }
    m_draftDelay.stop();
    if (std::exchange(m_scriptNotice, false))
        m_notice->hide(); // its placeholders and dates were about the reply just sent
}

// Like a text reply: into the outbox (the recording on disk first), then out when online.
void ConversationView::sendVoice(const RecordedClip &clip)
{
    if (!m_session || m_id <= 0)
        return;
    m_pinnedToEnd = true;
    const auto item =
        m_session->replies().sendVoice(m_id, clip.oggOpus, clip.durationMs, clip.waveform);
    if (!item) {
        m_notice->setText(tr("The voice reply could not be saved: %1").arg(item.error()));
        m_notice->show();
        m_scriptNotice = false;
        return;
    }
}

void ConversationView::setVoicePreferences(const QByteArray &input, const QByteArray &output,
                                           bool playNextUnheard)
{
    m_devices->setPreferred(input, output);
    m_voice->setPlayNextUnheard(playNextUnheard);
}

void ConversationView::saveDraft()
{
    m_draftDelay.stop();
    if (m_session && m_id > 0 && m_composer->document()->isModified())
        m_session->replies().saveDraft(m_id, m_composer->toPlainText());
    m_composer->document()->setModified(false);
}

void ConversationView::refreshOutbox()
{
    if (!m_session || !m_messages || m_id == 0)
        return;
    m_messages->setOutboxItems(m_session->replies().written(m_id));
    scrollToEndIfNear(false);
}

void ConversationView::scrollToEndIfNear(bool force)
{
    if (force || m_pinnedToEnd)
        m_list->scrollToBottom();
}

void ConversationView::claim()
{
    if (!m_session || !m_claim->isEnabled())
        return;
    m_session->actions().claim(m_id, [this, self = QPointer<ConversationView>(this)](
                                         bool ok, const ActionFailure &failure) {
        if (!self)
            return;
        if (!ok)
            return showFailure(failure);
        m_notice->hide();
        m_composer->setFocus();
    });
}

void ConversationView::transfer()
{
    if (!m_session || !m_transfer->isEnabled())
        return;
    TransferDialog dialog(m_directory, m_session->responderId(), m_session->departmentId(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto done = [this, self = QPointer<ConversationView>(this)](bool ok,
                                                                const ActionFailure &failure) {
        if (self && !ok)
            showFailure(failure);
    };
    if (dialog.toColleague())
        m_session->actions().transferToResponder(m_id, dialog.targetId(), dialog.reason(), done);
    else
        m_session->actions().transferToDepartment(m_id, dialog.targetId(), dialog.reason(), done);
}

void ConversationView::closeConsultation()
{
    if (!m_session || !m_close->isEnabled())
        return;
    CloseDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_session->actions().close(
        m_id, dialog.summary(),
        [this, self = QPointer<ConversationView>(this)](bool ok, const ActionFailure &failure) {
            if (self && !ok)
                showFailure(failure);
        });
}

void ConversationView::setEnterSends(bool enterSends)
{
    m_composer->setEnterSends(enterSends);
    updateActions(); // the placeholder says which key sends
}

void ConversationView::focusComposer()
{
    m_composer->setFocus();
}

void ConversationView::pickScript()
{
    openPicker(QString());
}

void ConversationView::openPicker(const QString &slash)
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

void ConversationView::insertScript(const QString &clientId)
{
    m_slashPending.clear();
    if (!m_session || !m_composer->isEnabled())
        return;
    ScriptLibrary &library = m_session->scripts();
    const auto script = library.find(clientId);
    if (!script)
        return;
    const ConsultationRow row =
        m_current && m_current->rowCount() > 0 ? m_current->rowAt(0) : ConsultationRow{};
    const QDate today = QDate::currentDate();
    const FilledScript filled = ScriptPlaceholders::fill(
        script->body, placeholderContextFor(row, m_directory, m_session->principal(), today));
    // One edit of the document, so that Ctrl+Z in the composer takes the whole script back.
    QTextCursor cursor = m_composer->textCursor();
    cursor.insertText(filled.text);
    m_composer->setTextCursor(cursor);
    m_composer->setFocus();
    library.recordUse(clientId);
    warnAboutScript(filled.unfilled, script->validUntil, script->isOutdated(today));
}

void ConversationView::warnAboutScript(const QStringList &unfilled, const QDate &validUntil,
                                       bool outdated)
{
    QStringList warnings;
    if (!unfilled.isEmpty())
        warnings << tr("Fill in before sending: %1").arg(unfilled.join(QStringLiteral(", ")));
    if (outdated)
        warnings << tr("This script was valid until %1 and may be outdated.")
                        .arg(validUntil.toString(Qt::ISODate));
    if (warnings.isEmpty()) {
        if (std::exchange(m_scriptNotice, false))
            m_notice->hide(); // an earlier script's warning no longer applies
        return;
    }
    m_scriptNotice = true;
    m_notice->setText(warnings.join(u'\n'));
    m_notice->show();
}

QString ConversationView::notice() const
{
    return m_notice->isVisible() ? m_notice->text() : QString();
}

QString ConversationView::describe(const ActionFailure &failure)
{
    switch (failure.kind) {
    case ActionFailure::Kind::Offline:
        return tr("Not connected to the server: try again when online.");
    case ActionFailure::Kind::AlreadyClaimed:
        return tr("A colleague claimed this consultation first.");
    case ActionFailure::Kind::StateChanged:
        return tr("The consultation has changed meanwhile; look at its current state.");
    case ActionFailure::Kind::Forbidden:
        return tr("This is not yours to do.");
    case ActionFailure::Kind::TooLong:
        return tr("The text is too long.");
    case ActionFailure::Kind::Other:
        break;
    }
    return tr("The server refused: %1").arg(failure.detail);
}

void ConversationView::showFailure(const ActionFailure &failure)
{
    m_notice->setText(describe(failure));
    m_notice->show();
    m_scriptNotice = false;
}

QList<QWidget *> ConversationView::focusOrder() const
{
    return {m_claim, m_transfer, m_close, m_list, m_composer, m_record, m_send};
}
