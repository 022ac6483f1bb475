#include "ScriptLibrary.h"

#include "ScriptLocalStore.h"
#include "app/protocol/Limits.h"

#include <QDateTime>
#include <QUuid>
#include <algorithm>

ScriptLibrary::ScriptLibrary(ScriptLocalStore &local, QObject *parent)
    : QObject(parent)
    , m_local(local)
    , m_usage(local.usage())
{
    rebuild();
}

void ScriptLibrary::setSynced(const QJsonArray &records)
{
    // The cache is the whole truth here: a change adopt() showed early reaches it through the
    // server's event a moment later.
    m_synced.clear();
    for (const QJsonValue &value : records) {
        const QJsonObject record = value.toObject();
        if (record.value(QLatin1String("deleted")).toBool())
            continue;
        const ReplyScript script = ReplyScript::fromJson(record);
        m_synced.insert(script.clientId, script);
    }
    rebuild();
    Q_EMIT changed();
}

void ScriptLibrary::adopt(const QJsonObject &record)
{
    const ReplyScript script = ReplyScript::fromJson(record);
    const auto known = m_synced.constFind(script.clientId);
    if (known != m_synced.cend() && known->seq > script.seq)
        return; // the cache already brought something newer
    if (record.value(QLatin1String("deleted")).toBool())
        m_synced.remove(script.clientId);
    else
        m_synced.insert(script.clientId, script);
    reloadLocal();
}

void ScriptLibrary::reloadLocal()
{
    rebuild();
    Q_EMIT changed();
}

void ScriptLibrary::setEditor(bool editor)
{
    if (editor == m_editor)
        return;
    m_editor = editor;
    Q_EMIT changed();
}

// The server's copies with this workstation's undelivered changes applied in the order they
// were made.
void ScriptLibrary::rebuild()
{
    QHash<QString, ReplyScript> live = m_synced;
    QSet<QString> pending;
    for (const ScriptEdit &edit : m_local.pending()) {
        pending.insert(edit.script.clientId);
        if (edit.kind == ScriptEdit::Kind::Delete)
            live.remove(edit.script.clientId);
        else
            live.insert(edit.script.clientId, edit.script);
    }
    m_pending = pending;
    m_live = live.values();
    std::sort(m_live.begin(), m_live.end(), [](const ReplyScript &a, const ReplyScript &b) {
        if (a.category != b.category)
            return a.category < b.category;
        if (a.position != b.position)
            return a.position < b.position;
        return a.title < b.title;
    });
    m_index.clear();
    for (int i = 0; i < m_live.size(); ++i)
        m_index.insert(m_live.at(i).clientId, i);
}

QList<ReplyScript> ScriptLibrary::scripts() const
{
    return m_live;
}

std::optional<ReplyScript> ScriptLibrary::find(const QString &clientId) const
{
    const auto row = m_index.constFind(clientId);
    if (row == m_index.cend())
        return std::nullopt;
    return m_live.at(*row);
}

QStringList ScriptLibrary::categories() const
{
    QStringList names;
    for (const ReplyScript &script : m_live) {
        if (names.isEmpty() || names.constLast() != script.category)
            names << script.category; // m_live is sorted by category
    }
    return names;
}

bool ScriptLibrary::canEdit(const ReplyScript &script) const
{
    return !script.isDepartment() || m_editor;
}

bool ScriptLibrary::isPending(const QString &clientId) const
{
    return m_pending.contains(clientId);
}

ScriptUsage ScriptLibrary::usage(const QString &clientId) const
{
    return m_usage.value(clientId);
}

std::optional<QString> ScriptLibrary::validate(const ReplyScript &s) const
{
    if (s.title.trimmed().isEmpty())
        return tr("A script needs a title.");
    if (s.title.size() > Limits::maxScriptTitleChars)
        return tr("The title is longer than %n characters.", nullptr, Limits::maxScriptTitleChars);
    if (s.body.trimmed().isEmpty())
        return tr("A script needs some text.");
    if (s.body.size() > Limits::maxScriptBodyChars)
        return tr("The text is longer than %n characters.", nullptr, Limits::maxScriptBodyChars);
    if (s.category.size() > Limits::maxScriptCategoryChars)
        return tr("The category is longer than %n characters.", nullptr,
                  Limits::maxScriptCategoryChars);
    if (s.tags.size() > Limits::maxScriptTags)
        return tr("A script can have at most %n tags.", nullptr, Limits::maxScriptTags);
    for (const QString &tag : s.tags) {
        if (tag.size() > Limits::maxScriptTagChars)
            return tr("The tag “%1” is longer than %n characters.", nullptr,
                      Limits::maxScriptTagChars)
                .arg(tag);
    }
    if (s.isDepartment() && !m_editor)
        return tr("Department scripts can be changed by script editors only. Duplicate it to "
                  "make a personal copy.");
    return std::nullopt;
}

double ScriptLibrary::positionAtEnd(const QString &category) const
{
    double last = 0;
    for (const ReplyScript &script : m_live) {
        if (script.category == category)
            last = std::max(last, script.position);
    }
    return last + 1;
}

Expected<ReplyScript, QString> ScriptLibrary::queue(const ScriptEdit &edit)
{
    const auto queued = m_local.queue(edit);
    if (!queued)
        return queued.error();
    rebuild();
    Q_EMIT changed();
    Q_EMIT editQueued();
    return queued->script;
}

Expected<ReplyScript, QString> ScriptLibrary::save(ReplyScript script)
{
    script.title = script.title.trimmed();
    script.category = script.category.trimmed();
    if (auto problem = validate(script))
        return *problem;
    const auto current = find(script.clientId);
    if (script.clientId.isEmpty() || !current) {
        if (script.clientId.isEmpty())
            script.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        script.id = 0;
        script.revision = 0;
    } else {
        if (current->scope != script.scope)
            return tr("A script cannot move between department and personal; duplicate it "
                      "instead.");
        const ReplyScript synced = m_synced.value(script.clientId);
        script.id = synced.id;
        script.revision = synced.revision;
    }
    if (script.position <= 0 || (current && current->category != script.category))
        script.position = positionAtEnd(script.category);
    ScriptEdit edit;
    edit.kind = ScriptEdit::Kind::Save;
    edit.script = script;
    edit.createdAt = QDateTime::currentMSecsSinceEpoch();
    return queue(edit);
}

Expected<ReplyScript, QString> ScriptLibrary::duplicate(const QString &clientId)
{
    const auto original = find(clientId);
    if (!original)
        return tr("The script no longer exists.");
    ReplyScript copy = *original;
    copy.clientId.clear();
    copy.title = tr("%1 (copy)").arg(original->title).left(Limits::maxScriptTitleChars);
    copy.position = 0;
    if (!canEdit(copy))
        copy.scope = ReplyScript::Scope::Personal;
    return save(copy);
}

Expected<ReplyScript, QString> ScriptLibrary::remove(const QString &clientId)
{
    const auto script = find(clientId);
    if (!script)
        return tr("The script no longer exists.");
    if (!canEdit(*script))
        return tr("Department scripts can be deleted by script editors only.");
    ScriptEdit edit;
    edit.kind = ScriptEdit::Kind::Delete;
    edit.script = *script;
    const ReplyScript synced = m_synced.value(clientId);
    edit.script.id = synced.id;
    edit.script.revision = synced.revision;
    edit.createdAt = QDateTime::currentMSecsSinceEpoch();
    const auto queued = queue(edit);
    if (!queued)
        return queued.error();
    return *script;
}

Expected<ReplyScript, QString> ScriptLibrary::restore(const ReplyScript &removed)
{
    ReplyScript script = removed;
    // Still on the server, or its deletion still waiting here: the same script comes back.
    // Otherwise it is created again.
    if (!m_synced.contains(script.clientId) && !m_pending.contains(script.clientId))
        script.clientId.clear();
    if (find(script.clientId))
        return script; // already back
    const ReplyScript synced = m_synced.value(script.clientId);
    script.id = synced.id;
    script.revision = synced.revision;
    if (auto problem = validate(script))
        return *problem;
    if (script.clientId.isEmpty())
        script.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    ScriptEdit edit;
    edit.kind = ScriptEdit::Kind::Save;
    edit.script = script;
    edit.createdAt = QDateTime::currentMSecsSinceEpoch();
    return queue(edit);
}

Expected<ReplyScript, QString> ScriptLibrary::moveBefore(const QString &clientId,
                                                         const QString &beforeClientId)
{
    auto script = find(clientId);
    if (!script)
        return tr("The script no longer exists.");
    QList<ReplyScript> siblings;
    for (const ReplyScript &other : m_live) {
        if (other.category == script->category && other.clientId != clientId)
            siblings << other;
    }
    int at = static_cast<int>(siblings.size());
    for (int i = 0; i < siblings.size(); ++i) {
        if (siblings.at(i).clientId == beforeClientId)
            at = i;
    }
    // Halfway between the new neighbours: one script changes, not the whole category.
    const double before = at > 0 ? siblings.at(at - 1).position : 0;
    const double after = at < siblings.size() ? siblings.at(at).position : before + 2;
    script->position = (before + after) / 2;
    return save(*script);
}

void ScriptLibrary::recordUse(const QString &clientId)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!m_local.recordUse(clientId, now))
        return;
    ScriptUsage &usage = m_usage[clientId];
    ++usage.count;
    usage.lastUsedAt = now;
    Q_EMIT changed();
}

ScriptLibrary::ImportOutcome ScriptLibrary::importAll(const ScriptTransfer::ImportResult &result)
{
    ImportOutcome outcome{0, result.rejected};
    QList<ScriptTransfer::Rejection> &rejected = outcome.rejected;
    for (const ScriptTransfer::ImportedScript &imported : result.scripts) {
        ReplyScript script = imported.script;
        script.clientId.clear();
        script.position = 0;
        const auto saved = save(script);
        if (saved)
            ++outcome.imported;
        else
            rejected.append({imported.row, saved.error()});
    }
    std::sort(rejected.begin(), rejected.end(),
              [](const auto &a, const auto &b) { return a.row < b.row; });
    return outcome;
}
