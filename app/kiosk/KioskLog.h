#pragma once

#include <QLoggingCategory>

// The logging category of this library: the help-desk kiosk. Enable with
// QT_LOGGING_RULES="consult.kiosk.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcKiosk)
