#include "DeleteScriptCommand.h"

#include "app/scripts/ScriptLibrary.h"

DeleteScriptCommand::DeleteScriptCommand(ScriptLibrary &library, ReplyScript removed,
                                         std::function<void(const ReplyScript &)> restored,
                                         std::function<void(const QString &)> failed)
    : m_library(library)
    , m_removed(std::move(removed))
    , m_restored(std::move(restored))
    , m_failed(std::move(failed))
{}

void DeleteScriptCommand::undo()
{
    if (!m_done)
        return;
    const auto restored = m_library.restore(m_removed);
    if (!restored)
        return m_failed(restored.error());
    m_removed = *restored; // a restore after delivery is a new script with a new name
    m_done = false;
    m_restored(m_removed);
}

void DeleteScriptCommand::redo()
{
    if (m_done)
        return;
    const auto removed = m_library.remove(m_removed.clientId);
    if (!removed)
        return m_failed(removed.error());
    m_removed = *removed;
    m_done = true;
}
