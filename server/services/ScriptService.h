#pragma once

#include "ServerContext.h"

class Caller;

// scripts.save and scripts.delete (docs/protocol.md, section 13): reply scripts with
// optimistic concurrency. Every change names the revision it was based on; one based on an
// older revision is refused with `conflict` and the current record, and the client settles
// it by the documented rule. Each change also carries an editId, so a resend of a change
// already applied (the answer was lost) is answered as a duplicate, not as a conflict.
class ScriptService
{
public:
    explicit ScriptService(ServerContext &context)
        : m_ctx(context)
    {}

    Reply save(Caller &connection, const QJsonObject &params);
    Reply remove(Caller &connection, const QJsonObject &params);

private:
    Reply create(const Principal &p, ScriptRecord script, const QString &editId);
    Reply update(const Principal &p, qint64 id, qint64 baseRevision, const ScriptRecord &content,
                 const QString &editId);
    // The script if the principal may see it; not_found otherwise.
    Expected<ScriptRecord, ProtocolError> visible(const Principal &p, qint64 id) const;
    Reply commit(ScriptRecord &script, bool (ScriptStore::*write)(ScriptRecord &));

    ServerContext &m_ctx;
};
