#pragma once

#include <QLoggingCategory>

// The logging category of this library: the local cache. Enable with
// QT_LOGGING_RULES="consult.cache.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcCache)
