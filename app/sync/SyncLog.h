#pragma once

#include <QLoggingCategory>

// The logging category of this library: the connection to the server and the sync streams. Enable
// with QT_LOGGING_RULES="consult.sync.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcSync)
