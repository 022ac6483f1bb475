#pragma once

#include <QLoggingCategory>

// The logging category of this library: accounts, the keychain, preferences and the instance lock.
// Enable with QT_LOGGING_RULES="consult.account.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcAccount)
