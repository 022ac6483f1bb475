#pragma once

#include <QLoggingCategory>

// The server's statistics: stored days, backfill, refolds.
Q_DECLARE_LOGGING_CATEGORY(lcStats)
