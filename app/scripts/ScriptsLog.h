#pragma once

#include <QLoggingCategory>

// The logging category of this library: reply scripts and their delivery. Enable with
// QT_LOGGING_RULES="consult.scripts.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcScripts)
