#pragma once

#include "app/scripts/ReplyScript.h"

#include <QUndoCommand>
#include <functional>

class ScriptLibrary;

// A delete the officer can take back: undo restores the script as it was (under a new name if
// the delete had reached the server), redo removes it again. Made after the first remove
// succeeded, so that a refused delete never enters the undo history.
class DeleteScriptCommand : public QUndoCommand
{
public:
    // `restored`: the script is back (to select it); `failed`: the library refused, translated.
    DeleteScriptCommand(ScriptLibrary &library, ReplyScript removed,
                        std::function<void(const ReplyScript &)> restored,
                        std::function<void(const QString &)> failed);

    void undo() override;
    void redo() override;

private:
    ScriptLibrary &m_library;
    ReplyScript m_removed;
    std::function<void(const ReplyScript &)> m_restored;
    std::function<void(const QString &)> m_failed;
    bool m_done = true; // QUndoStack::push() redoes at once: the first remove already happened
};
