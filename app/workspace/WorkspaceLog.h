#pragma once

#include <QLoggingCategory>

// The logging category of this library: reading the cache for the views, and exports. Enable with
// QT_LOGGING_RULES="consult.workspace.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcWorkspace)
