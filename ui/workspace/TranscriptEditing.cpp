#include "TranscriptEditing.h"

#include "MessageDelegate.h"
#include "app/session/AccountSession.h"
#include "app/session/TranscriptCorrections.h"
#include "app/voice/Transcriber.h"
#include "app/workspace/MessageListModel.h"

#include <QInputDialog>
#include <QListView>
#include <QMenu>
#include <QTimer>

TranscriptEditing::TranscriptEditing(QListView *list, MessageDelegate *delegate, QObject *parent)
    : QObject(parent)
    , m_list(list)
    , m_delegate(delegate)
{
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, &TranscriptEditing::showMenu);
}

void TranscriptEditing::showMenu(const QPoint &at)
{
    const QModelIndex index = m_list->indexAt(at);
    if (!m_session || !index.isValid() || !MessageDelegate::isVoice(index))
        return;
    const qint64 id = index.data(MessageListModel::IdRole).toLongLong();
    if (id <= 0)
        return; // still in the outbox
    const bool corrected = index.data(MessageListModel::TranscriptCorrectedRole).toBool();
    const QString shown = index.data(MessageListModel::TranscriptRole).toString();
    QMenu menu(m_list);
    QAction *correct =
        menu.addAction(shown.isEmpty() ? tr("&Write the text…") : tr("&Correct the text…"));
    QAction *original = nullptr;
    if (corrected)
        original =
            menu.addAction(m_delegate->showsOriginal(id) ? tr("Show the &correction")
                                                         : tr("Show what the engine &heard"));
    Transcriber &transcriber = m_session->transcriber();
    QAction *stop = nullptr;
    if (transcriber.isPending(id))
        stop = menu.addAction(tr("&Stop turning it into text"));
    // Another engine on this one clip, when the first did badly.
    QMenu *again = menu.addMenu(tr("Turn into text &again with"));
    for (const SpeechEngineInfo &engine : transcriber.alternatives()) {
        QAction *action = again->addAction(
            engine.offline ? engine.name
                           : tr("%1 (the recording leaves this computer)").arg(engine.name));
        action->setData(engine.id);
    }
    again->setEnabled(!again->isEmpty() && !transcriber.isPending(id));
    QAction *chosen = menu.exec(m_list->viewport()->mapToGlobal(at));
    if (!chosen)
        return;
    if (chosen == stop) {
        transcriber.cancel(id);
        return;
    }
    if (chosen->parent() == again) {
        connect(&transcriber, &Transcriber::tryFailed, this, &TranscriptEditing::tryFailed,
                Qt::UniqueConnection);
        transcriber.requestWith(id, chosen->data().toString());
        m_list->viewport()->update();
        return;
    }
    if (chosen == original && original) {
        m_delegate->toggleOriginal(id);
        m_list->model()->dataChanged(index, index); // its height may change
        return;
    }
    if (chosen == correct)
        edit(id, index.data(MessageListModel::TranscriptRevisionRole).toInt(),
             corrected ? shown : QString(), shown, shown);
}

void TranscriptEditing::tryFailed(qint64, const QString &reason)
{
    Q_EMIT problem(tr("The other engine could not turn it into text: %1").arg(reason));
}

void TranscriptEditing::edit(qint64 messageId, int revision, const QString &baseCorrection,
                             const QString &shown, const QString &text)
{
    bool ok = false;
    const QString written = QInputDialog::getMultiLineText(
        m_list->window(), tr("Correct the text"),
        tr("What the voice message says (kept beside what the engine heard; an empty text goes "
           "back to the engine's):"),
        text, &ok);
    // Unchanged from what the bubble shows: nothing to send.
    if (!ok || !m_session || written.trimmed() == shown.trimmed())
        return;
    m_session->corrections().correct(
        messageId, revision, baseCorrection, written,
        [this, self = QPointer<TranscriptEditing>(this), messageId, revision, baseCorrection, shown,
         written](TranscriptCorrections::Outcome outcome, const QString &detail, int current) {
            if (!self)
                return;
            int nextRevision = revision;
            QString nextBase = baseCorrection;
            QString nextShown = shown;
            switch (outcome) {
            case TranscriptCorrections::Outcome::Saved:
                return;
            case TranscriptCorrections::Outcome::Offline:
                Q_EMIT problem(tr("Not connected: the correction was not sent. It is kept in "
                                  "the editor; send it again when the console is online."));
                break;
            case TranscriptCorrections::Outcome::ColleagueFirst:
                Q_EMIT problem(tr("A colleague corrected this text meanwhile; theirs is shown: "
                                  "“%1”. Yours is in the editor.")
                                   .arg(detail));
                // Another try is made over the colleague's correction, knowingly.
                nextRevision = current;
                nextBase = detail;
                nextShown = detail;
                break;
            case TranscriptCorrections::Outcome::Refused:
                Q_EMIT problem(tr("The server refused the correction: %1").arg(detail));
                break;
            }
            // Not from inside the network's callback: the editor has an event loop of its own.
            QTimer::singleShot(0, this,
                               [this, messageId, nextRevision, nextBase, nextShown, written] {
                                   edit(messageId, nextRevision, nextBase, nextShown, written);
                               });
        });
}
