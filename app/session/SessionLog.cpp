#include "SessionLog.h"

Q_LOGGING_CATEGORY(lcSession, "consult.session")
