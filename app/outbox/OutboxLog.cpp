#include "OutboxLog.h"

Q_LOGGING_CATEGORY(lcOutbox, "consult.outbox")
