#pragma once

#include <QLoggingCategory>

// The logging category of this library: the reply outbox. Enable with
// QT_LOGGING_RULES="consult.outbox.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcOutbox)
