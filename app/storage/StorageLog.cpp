#include "StorageLog.h"

Q_LOGGING_CATEGORY(lcCache, "consult.cache")
