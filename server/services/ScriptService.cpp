#include "ScriptService.h"

#include "AccessPolicy.h"
#include "Caller.h"
#include "app/domain/Vocabulary.h"
#include "app/protocol/Limits.h"
#include "app/protocol/ParamReader.h"
#include "server/storage/WriteTransaction.h"

#include <QDate>

namespace {

QJsonObject scriptResult(const ScriptRecord &script, bool duplicate)
{
    return {{QStringLiteral("script"), script.toJson()}, {QStringLiteral("duplicate"), duplicate}};
}

ProtocolError staleRevision(const ScriptRecord &current)
{
    return ProtocolError::make(
        ErrorCode::Conflict,
        current.deleted ? QStringLiteral("the script was deleted meanwhile")
                        : QStringLiteral("the script was changed meanwhile"),
        {{QStringLiteral("state"),
          current.deleted ? QStringLiteral("deleted") : QStringLiteral("changed")},
         {QStringLiteral("script"), current.toJson()}});
}

// The content fields of scripts.save, checked against the limits of section 11.
ScriptRecord readContent(ParamReader &in)
{
    ScriptRecord s;
    s.scope = in.requireString(QLatin1String("scope"), 1, 16);
    s.title = in.requireText(QLatin1String("title"), 1).trimmed();
    s.body = in.requireText(QLatin1String("body"), 1);
    s.category = in.optionalText(QLatin1String("category")).trimmed();
    s.tags = in.optionalStringList(QLatin1String("tags"), Limits::maxScriptTags,
                                   Limits::maxScriptTagChars);
    s.validUntil = in.optionalString(QLatin1String("validUntil"), 10);
    s.position = in.optionalNumber(QLatin1String("position"), 0);
    return s;
}

std::optional<ProtocolError> checkContent(const ScriptRecord &s)
{
    if (!fromWireName<ScriptScope>(s.scope))
        return ProtocolError::make(ErrorCode::BadRequest,
                                   QStringLiteral("scope must be 'department' or 'personal'"));
    // The format spelled out: Qt::ISODate also takes "2026/12/31", which other readers will not.
    if (!s.validUntil.isEmpty() &&
        !QDate::fromString(s.validUntil, QStringLiteral("yyyy-MM-dd")).isValid())
        return ProtocolError::make(ErrorCode::BadRequest,
                                   QStringLiteral("validUntil must be a date, YYYY-MM-DD"));
    return std::nullopt;
}

} // namespace

Reply ScriptService::save(Caller &connection, const QJsonObject &params)
{
    ParamReader in(params);
    const QString clientId =
        in.requireString(QLatin1String("clientId"), 1, Limits::maxClientIdChars);
    const QString editId = in.requireString(QLatin1String("editId"), 1, Limits::maxClientIdChars);
    const auto id = in.optionalId(QLatin1String("id"));
    const qint64 baseRevision =
        id ? in.requireInt(QLatin1String("baseRevision"), 1, std::numeric_limits<int>::max()) : 0;
    ScriptRecord content = readContent(in);
    if (!in.ok())
        return in.error();
    if (auto bad = checkContent(content))
        return *bad;
    const Principal &p = connection.principal();
    if (!id) {
        content.clientId = clientId;
        return create(p, content, editId);
    }
    return update(p, *id, baseRevision, content, editId);
}

Reply ScriptService::create(const Principal &p, ScriptRecord script, const QString &editId)
{
    // A resend of a creation that was stored: the first attempt succeeded.
    if (const auto existing = m_ctx.scripts.findByClientId(script.clientId)) {
        if (existing->createdBy == p.id)
            return scriptResult(*existing, true);
        return ProtocolError::make(ErrorCode::Conflict,
                                   QStringLiteral("clientId is taken by another script"),
                                   {{QStringLiteral("state"), QStringLiteral("taken")}});
    }
    if (auto refused = AccessPolicy::canWriteScript(p, script.scope, p.departmentId, p.id))
        return *refused;
    script.departmentId = p.departmentId;
    script.ownerId = script.isDepartment() ? 0 : p.id;
    script.createdBy = p.id;
    script.updatedBy = p.id;
    script.updatedAt = ServerContext::now();
    script.lastEditId = editId;
    return commit(script, &ScriptStore::insert);
}

Reply ScriptService::update(const Principal &p, qint64 id, qint64 baseRevision,
                            const ScriptRecord &content, const QString &editId)
{
    auto found = visible(p, id);
    if (!found)
        return found.error();
    ScriptRecord script = *found;
    if (script.lastEditId == editId)
        return scriptResult(script, true);
    if (content.scope != script.scope)
        return ProtocolError::make(ErrorCode::BadRequest,
                                   QStringLiteral("a script's scope cannot change; copy it"));
    if (auto refused =
            AccessPolicy::canWriteScript(p, script.scope, script.departmentId, script.ownerId))
        return *refused;
    if (script.deleted || script.revision != baseRevision)
        return staleRevision(script);
    script.title = content.title;
    script.body = content.body;
    script.category = content.category;
    script.tags = content.tags;
    script.validUntil = content.validUntil;
    script.position = content.position;
    script.updatedBy = p.id;
    script.updatedAt = ServerContext::now();
    script.lastEditId = editId;
    return commit(script, &ScriptStore::update);
}

Reply ScriptService::remove(Caller &connection, const QJsonObject &params)
{
    ParamReader in(params);
    const qint64 id = in.requireId(QLatin1String("id"));
    const QString editId = in.requireString(QLatin1String("editId"), 1, Limits::maxClientIdChars);
    const qint64 baseRevision =
        in.requireInt(QLatin1String("baseRevision"), 1, std::numeric_limits<int>::max());
    if (!in.ok())
        return in.error();
    const Principal &p = connection.principal();
    auto found = visible(p, id);
    if (!found)
        return found.error();
    ScriptRecord script = *found;
    if (auto refused =
            AccessPolicy::canWriteScript(p, script.scope, script.departmentId, script.ownerId))
        return *refused;
    // Gone already (a resend, or a colleague deleted it too): what was asked for is true.
    if (script.deleted)
        return scriptResult(script, true);
    if (script.revision != baseRevision)
        return staleRevision(script);
    script.updatedBy = p.id;
    script.updatedAt = ServerContext::now();
    script.lastEditId = editId;
    return commit(script, &ScriptStore::markDeleted);
}

Expected<ScriptRecord, ProtocolError> ScriptService::visible(const Principal &p, qint64 id) const
{
    const auto script = m_ctx.scripts.find(id);
    const bool seen = script && (script->isDepartment() ? script->departmentId == p.departmentId
                                                        : script->ownerId == p.id);
    if (!seen)
        return ProtocolError::make(ErrorCode::NotFound, QStringLiteral("no such script"));
    return *script;
}

Reply ScriptService::commit(ScriptRecord &script, bool (ScriptStore::*write)(ScriptRecord &))
{
    WriteTransaction transaction(m_ctx.database);
    if (!transaction.isOpen() || !(m_ctx.scripts.*write)(script) || !transaction.commit())
        return internalError();
    m_ctx.events.scriptChanged(script);
    return scriptResult(script, false);
}
