#pragma once

#include "ServerContext.h"

class Caller;

// sync.pull: one bounded page of one stream after a cursor (docs/protocol.md, section 7).
class SyncService
{
public:
    explicit SyncService(ServerContext &context)
        : m_ctx(context)
    {}

    Reply pull(Caller &connection, const QJsonObject &params);

private:
    ServerContext &m_ctx;
};
