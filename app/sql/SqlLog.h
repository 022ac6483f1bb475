#pragma once

#include <QLoggingCategory>

// The logging category of this library: opening databases and migrating their schemas. Enable with
// QT_LOGGING_RULES="consult.sql.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcSql)
