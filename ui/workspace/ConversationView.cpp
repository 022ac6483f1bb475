#include "ConversationView.h"

#include "ConversationHeader.h"
#include "MessageThread.h"
#include "ReplyComposer.h"
#include "TranscriptEditing.h"
#include "TransferDialog.h"
#include "VoiceInteraction.h"
#include "app/session/AccountSession.h"
#include "app/session/AvailableActions.h"
#include "app/session/ConsultationActions.h"
#include "app/session/Replies.h"
#include "app/voice/AudioDevices.h"
#include "app/voice/Transcriber.h"
#include "app/voice/VoiceMessages.h"
#include "app/workspace/ConsultationListModel.h"
#include "app/workspace/MessageListModel.h"

#include <QLabel>
#include <QListView>
#include <QVBoxLayout>
#include <utility>

ConversationView::ConversationView(QWidget *parent)
    : QWidget(parent)
    , m_page(new QWidget(this))
    , m_placeholder(new QLabel(tr("Select a consultation in the queue."), this))
    , m_header(new ConversationHeader(m_page))
    , m_thread(new MessageThread(m_page))
    , m_reply(new ReplyComposer(m_page))
    , m_voice(new VoiceInteraction(m_thread->list(), m_thread->delegate(), this))
    , m_transcripts(new TranscriptEditing(m_thread->list(), m_thread->delegate(), this))
{
    m_placeholder->setAlignment(Qt::AlignCenter);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_placeholder);
    outer->addWidget(m_page);
    m_page->hide();
    auto *layout = new QVBoxLayout(m_page);
    layout->addWidget(m_header);
    layout->addWidget(m_thread, 1);
    layout->addWidget(m_reply);

    connect(m_header, &ConversationHeader::claimRequested, this, &ConversationView::claim);
    connect(m_header, &ConversationHeader::transferRequested, this, &ConversationView::transfer);
    connect(m_header, &ConversationHeader::closeRequested, this,
            &ConversationView::closeConsultation);
    connect(m_thread, &MessageThread::retryRequested, this, [this](const QString &clientMsgId) {
        if (m_session)
            m_session->replies().retry(clientMsgId);
    });
    connect(m_reply, &ReplyComposer::aboutToSend, m_thread, &MessageThread::pinToEnd);
    connect(m_reply, &ReplyComposer::failed, this, &ConversationView::showProblem);
    connect(m_transcripts, &TranscriptEditing::problem, this, &ConversationView::showProblem);
    connect(m_reply, &ReplyComposer::scriptWarning, this, &ConversationView::showScriptWarning);
    connect(m_reply, &ReplyComposer::sent, this, [this] {
        if (std::exchange(m_scriptNotice, false))
            m_header->hideNotice(); // its placeholders and dates were about the reply just sent
    });
}

void ConversationView::setSession(AccountSession *session)
{
    m_reply->setSession(session); // keeps the draft being written first
    m_session = session;
    m_transcripts->setSession(session);
    m_thread->setModel(nullptr);
    delete m_current;
    delete m_messages;
    m_current = nullptr;
    m_messages = nullptr;
    m_id = 0;
    m_page->hide();
    m_placeholder->show();
    m_voice->setVoice(session ? &session->voice() : nullptr);
    m_voice->setTranscriber(session ? &session->transcriber() : nullptr);
    if (!session)
        return;
    VoicePlayer &player = session->voice().player();
    player.setOutputDevice(m_reply->devices()->output());
    connect(m_reply->devices(), &AudioDevices::outputChanged, &player,
            &VoicePlayer::setOutputDevice);
    m_current = session->liveConsultations(this);
    m_messages = session->liveMessages(this);
    m_thread->setModel(m_messages);
    connect(session, &AccountSession::stateChanged, this, &ConversationView::updateActions);
    connect(m_current, &QAbstractItemModel::modelReset, this, &ConversationView::showRow);
    connect(m_current, &QAbstractItemModel::rowsInserted, this, &ConversationView::showRow);
    connect(m_current, &QAbstractItemModel::rowsRemoved, this, &ConversationView::showRow);
    connect(m_current, &QAbstractItemModel::dataChanged, this, &ConversationView::showRow);
    // What is shown is read.
    connect(m_messages, &MessageListModel::newestLoaded, this, [this] {
        if (m_session && m_messages->newestMessageId() > 0)
            m_session->markRead(m_id, m_messages->newestMessageId());
    });
    connect(m_messages, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) {
                if (first > 0 && isVisible() && m_session)
                    m_session->markRead(m_id, m_messages->newestMessageId());
                requestTranscripts(first, last);
            });
    connect(m_messages, &QAbstractItemModel::modelReset, this,
            [this] { requestTranscripts(0, m_messages->rowCount() - 1); });
}

void ConversationView::requestTranscripts(int first, int last)
{
    // The voice messages shown and not yet turned into text: newest asked last, so done first.
    if (!m_session)
        return;
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = m_messages->index(row);
        if (index.data(MessageListModel::KindRole).value<MessageKind>() == MessageKind::Voice &&
            !index.data(MessageListModel::TranscribedRole).toBool())
            m_session->transcriber().request(index.data(MessageListModel::IdRole).toLongLong());
    }
}

void ConversationView::setDirectory(const Directory &directory)
{
    m_directory = directory;
    m_header->setDirectory(directory);
    m_thread->setDirectory(directory);
    m_reply->setDirectory(directory);
}

qint64 ConversationView::consultationId() const
{
    return m_id;
}

void ConversationView::open(qint64 consultationId)
{
    if (!m_session || consultationId == m_id)
        return;
    m_reply->open(consultationId);
    m_id = consultationId;
    m_header->hideNotice();
    m_scriptNotice = false;
    m_thread->restart();
    ConsultationQuery query{ConsultationQuery::Filter::All, m_session->responderId(),
                            m_session->departmentId()};
    query.onlyId = consultationId;
    m_current->setQuery(query);
    m_messages->setConsultation(consultationId, m_session->responderId());
    loadOutbox();
    m_placeholder->hide();
    m_page->show();
    Q_EMIT opened(consultationId);
}

void ConversationView::openAt(qint64 consultationId, qint64 messageId)
{
    m_thread->focusMessage(messageId);
    if (consultationId == m_id)
        return m_thread->showFocusedMessage();
    open(consultationId);
}

void ConversationView::showRow()
{
    if (!m_current || m_current->rowCount() == 0)
        return;
    const ConsultationRow &row = m_current->rowAt(0);
    m_header->showConsultation(row, m_session->responderId());
    m_reply->setConsultation(row);
    updateActions();
    Q_EMIT representativeChanged(row.representativeId, row.id);
}

void ConversationView::updateActions()
{
    const bool online =
        m_session && m_session->connectionState() == AccountSession::ConnectionState::Online;
    const bool known = m_session && m_current && m_current->rowCount() > 0;
    const AvailableActions can =
        known ? AvailableActions::of(m_session->principal(), m_current->rowAt(0).record(), online)
              : AvailableActions{};
    m_header->showActions(can);
    m_reply->showReplyState(can);
}

void ConversationView::setVoicePreferences(const QByteArray &input, const QByteArray &output,
                                           bool playNextUnheard, bool newDeviceFirst)
{
    m_reply->devices()->setNewDeviceFirst(newDeviceFirst);
    m_reply->devices()->setPreferred(input, output);
    m_voice->setPlayNextUnheard(playNextUnheard);
}

void ConversationView::loadOutbox()
{
    if (!m_session || !m_messages || m_id == 0)
        return;
    m_messages->setOutboxItems(m_session->replies().written(m_id));
    m_thread->followEnd(false);
}

void ConversationView::claim()
{
    if (!m_session || !m_header->canClaim())
        return;
    m_session->actions().claim(m_id, [this, self = QPointer<ConversationView>(this)](
                                         bool ok, const ActionFailure &failure) {
        if (!self)
            return;
        if (!ok)
            return showFailure(failure);
        m_header->hideNotice();
        m_reply->setFocus();
    });
}

void ConversationView::transfer()
{
    if (!m_session || !m_header->canTransfer())
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
    if (!m_session || !m_header->canClose())
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
    m_reply->setEnterSends(enterSends);
}

void ConversationView::focusComposer()
{
    m_reply->setFocus();
}

void ConversationView::pickScript()
{
    m_reply->pickScript();
}

void ConversationView::insertScript(const QString &clientId)
{
    m_reply->insertScript(clientId);
}

ScriptPicker *ConversationView::scriptPicker() const
{
    return m_reply->scriptPicker();
}

VoiceRecorderBar *ConversationView::recorderBar() const
{
    return m_reply->recorderBar();
}

ComposerEdit *ConversationView::composer() const
{
    return m_reply->editor();
}

QString ConversationView::notice() const
{
    return m_header->notice();
}

void ConversationView::showScriptWarning(const QString &text)
{
    if (text.isEmpty()) {
        if (std::exchange(m_scriptNotice, false))
            m_header->hideNotice(); // an earlier script's warning no longer applies
        return;
    }
    m_scriptNotice = true;
    m_header->showNotice(text);
}

void ConversationView::showProblem(const QString &text)
{
    m_header->showNotice(text);
    m_scriptNotice = false;
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
    showProblem(describe(failure));
}

QList<QWidget *> ConversationView::focusOrder() const
{
    QList<QWidget *> order = m_header->focusOrder();
    order << m_thread->list();
    return order + m_reply->focusOrder();
}
