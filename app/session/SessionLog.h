#pragma once

#include <QLoggingCategory>

// The logging category of this library: the signed-in session and its use cases. Enable with
// QT_LOGGING_RULES="consult.session.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcSession)
