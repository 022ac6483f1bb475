#pragma once

#include "ServerContext.h"

class Caller;
class StatsRollups;
struct StatsReport;

// stats.dashboard and stats.targets (docs/protocol.md section 16): a department's figures for
// its own officers. Finished days come from the stored rollups, today is folded from the raw
// rows on each request (so the figures move as consultations do), and `exact` refolds the
// whole range from the raw rows for an export.
class StatsService
{
public:
    explicit StatsService(ServerContext &context)
        : m_ctx(context)
        , m_rollups(context.stats)
    {}

    Reply dashboard(Caller &caller, const QJsonObject &params);
    Reply targets(Caller &caller, const QJsonObject &params);

private:
    // Now: waiting, the longest wait, who holds how many; the department's targets.
    bool readLive(qint64 departmentId, StatsReport &report);

    ServerContext &m_ctx;
    StatsRollups &m_rollups;
};
