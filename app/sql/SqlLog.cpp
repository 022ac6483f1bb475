#include "SqlLog.h"

Q_LOGGING_CATEGORY(lcSql, "consult.sql")
