#include "ScriptDelivery.h"

#include "ScriptLibrary.h"
#include "ScriptLocalStore.h"
#include "ScriptsLog.h"
#include "app/protocol/Frame.h"
#include "app/protocol/Limits.h"
#include "app/protocol/Methods.h"
#include "app/sync/ProtocolClient.h"

namespace {

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
    , m_engine(*this, client)
{
    connect(&m_engine, &DeliveryEngine::drained, this, &ScriptDelivery::drained);
    connect(&library, &ScriptLibrary::editQueued, this, &ScriptDelivery::wake);
}

DeliveryEngine::Courier::Start ScriptDelivery::startNext(const DeliveryEngine::Done &done)
{
    const auto next = m_store.nextPending();
    if (!next)
        return Start::Idle;
    m_current = *next;
    // The deletion of a script whose creation never got stored: nothing to tell the server.
    if (m_current.kind == ScriptEdit::Kind::Delete && m_current.script.id == 0) {
        drop(m_current);
        return Start::Settled;
    }
    m_store.markAttempted(m_current.seq);
    const bool save = m_current.kind == ScriptEdit::Kind::Save;
    m_client.request(save ? Method::ScriptsSave : Method::ScriptsDelete,
                     save ? saveParams(m_current) : deleteParams(m_current), done);
    return Start::Sent;
}

void ScriptDelivery::drop(const ScriptEdit &edit)
{
    m_store.remove(edit.seq);
    m_library.reloadLocal();
}

void ScriptDelivery::delivered(const Frame &reply)
{
    const ScriptEdit edit = m_current;
    const QJsonObject record = reply.payload.value(QLatin1String("script")).toObject();
    m_store.remove(edit.seq);
    m_store.rebase(edit.script.clientId, record.value(QLatin1String("id")).toInteger(),
                   record.value(QLatin1String("revision")).toInteger());
    m_library.adopt(record);
}

void ScriptDelivery::refused(const Frame &reply)
{
    qCWarning(lcScripts) << "the server refused a script change:" << reply.errorMessage;
    // A copy: keeping the officer's version queues a new change, which may start at once and
    // become m_current.
    const ScriptEdit edit = m_current;
    switch (reply.errorCode) {
    case ErrorCode::Conflict:
    case ErrorCode::Forbidden:
    case ErrorCode::NotFound:
        return settleConflict(edit, reply);
    default:
        m_library.tell(tr("The server refused the change to “%1”: %2")
                           .arg(edit.script.title, reply.errorMessage));
        return drop(edit);
    }
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
