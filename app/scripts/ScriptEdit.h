#pragma once

#include "ReplyScript.h"

// A change to a reply script made on this workstation and not yet stored by the server.
struct ScriptEdit
{
    enum class Kind
    {
        Save, // create (script.id == 0) or update
        Delete
    };

    qint64 seq = 0; // order of writing: edits are delivered in this order
    QString editId; // the change's idempotency key (docs/protocol.md, section 13)
    Kind kind = Kind::Save;
    // Save: the whole new content. Delete: the script as it was. In both, `id` and `revision`
    // are the server's record the change was based on (0: not on the server yet).
    ReplyScript script;
    int attempts = 0; // sent this often; an edit sent once is never merged with a later one
    qint64 createdAt = 0;
};
