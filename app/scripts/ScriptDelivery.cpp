#include "ScriptDelivery.h"

#include "Frame.h"
#include "Limits.h"
#include "Methods.h"
#include "ProtocolClient.h"
#include "ScriptLibrary.h"
#include "ScriptLocalStore.h"

#include <QPointer>

namespace {
constexpr int transientRetryMs = 2000;

QJsonObject saveParams(const ScriptEdit &edit)
{
    QJsonObject params = edit.script.toJson();
    params.remove(QStringLiteral("revision"));
    params.insert(QStringLiteral("editId"), edit.editId);
    if (edit.script.id > 0)
        params.insert(QStringLiteral("baseRevision"), edit.script.revision);
    return params;
}

QJsonObject deleteParams(const ScriptEdit &edit)
{
    return {{QStringLiteral("id"), edit.script.id},
            {QStringLiteral("baseRevision"), edit.script.revision},
            {QStringLiteral("editId"), edit.editId}};
}

} // namespace

ScriptDelivery::ScriptDelivery(ScriptLocalStore &store, ScriptLibrary &library,
                               ProtocolClient &client, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_library(library)
    , m_client(client)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ScriptDelivery::sendNext);
    connect(&library, &ScriptLibrary::editQueued, this, &ScriptDelivery::wake);
}

void ScriptDelivery::setOnline(bool online)
{
    m_online = online;
    if (online)
        sendNext();
}

void ScriptDelivery::wake()
{
    sendNext();
}

void ScriptDelivery::sendNext()
{
    if (!m_online || m_busy || m_retryTimer.isActive())
        return;
    const QList<ScriptEdit> pending = m_store.pending();
    if (pending.isEmpty()) {
        Q_EMIT drained();
        return;
    }
    const ScriptEdit edit = pending.first();
    // The deletion of a script whose creation never got stored: nothing to tell the server.
    if (edit.kind == ScriptEdit::Kind::Delete && edit.script.id == 0) {
        finish(edit);
        return;
    }
    m_busy = true;
    m_store.markAttempted(edit.seq);
    const bool save = edit.kind == ScriptEdit::Kind::Save;
    QPointer<ScriptDelivery> self(this);
    m_client.request(save ? Method::ScriptsSave : Method::ScriptsDelete,
                     save ? saveParams(edit) : deleteParams(edit),
                     [self, edit](const Frame &reply) {
                         if (self)
                             self->onReply(edit, reply);
                     });
    m_client.flush();
}

void ScriptDelivery::finish(const ScriptEdit &edit)
{
    m_store.remove(edit.seq);
    m_library.reloadLocal();
    sendNext();
}

void ScriptDelivery::onReply(const ScriptEdit &edit, const Frame &reply)
{
    m_busy = false;
    if (reply.type == Frame::Type::Result) {
        const QJsonObject record = reply.payload.value(QLatin1String("script")).toObject();
        m_store.remove(edit.seq);
        m_store.rebase(edit.script.clientId, record.value(QLatin1String("id")).toInteger(),
                       record.value(QLatin1String("revision")).toInteger());
        m_library.adopt(record);
        sendNext();
        return;
    }
    switch (reply.errorCode) {
    case ErrorCode::Conflict:
    case ErrorCode::Forbidden:
    case ErrorCode::NotFound:
        return settleConflict(edit, reply);
    case ErrorCode::BadRequest:
    case ErrorCode::TooLarge:
    case ErrorCode::UnknownMethod:
        m_library.tell(tr("The server refused the change to “%1”: %2")
                           .arg(edit.script.title, reply.errorMessage));
        return finish(edit);
    default:
        break;
    }
    if (needsSignIn(reply.errorCode) || !m_client.isOpen()) {
        m_online = false; // resent with the same editId once signed in again
        return;
    }
    m_retryTimer.start(retryDelayMs(reply, transientRetryMs));
}

// The server's version stays. What the officer wrote is not lost: an edit becomes a personal
// script of its own; a delete is simply not carried out.
void ScriptDelivery::settleConflict(const ScriptEdit &edit, const Frame &reply)
{
    const QJsonObject current = reply.payload.value(QLatin1String("script")).toObject();
    if (!current.isEmpty())
        m_library.adopt(current);
    // Out of the queue before the copy goes in, so that the copy is what is sent next.
    m_store.remove(edit.seq);
    if (edit.kind == ScriptEdit::Kind::Delete)
        m_library.tell(tr("“%1” was changed by someone else before your deletion reached the "
                          "server, so it was kept.")
                           .arg(edit.script.title));
    else
        keepAsPersonalCopy(edit);
    m_library.reloadLocal();
    sendNext();
}

void ScriptDelivery::keepAsPersonalCopy(const ScriptEdit &edit)
{
    ReplyScript copy = edit.script;
    copy.clientId.clear();
    copy.id = 0;
    copy.revision = 0;
    copy.scope = ReplyScript::Scope::Personal;
    copy.title = tr("%1 (my version)").arg(edit.script.title).left(Limits::maxScriptTitleChars);
    const auto saved = m_library.save(copy);
    if (!saved) {
        m_library.tell(
            tr("Your change to “%1” could not be kept: %2").arg(edit.script.title, saved.error()));
        return;
    }
    m_library.tell(tr("“%1” was changed by someone else while your change was on its way. Their "
                      "version was kept; yours is saved as your personal script “%2”.")
                       .arg(edit.script.title, saved->title));
}
