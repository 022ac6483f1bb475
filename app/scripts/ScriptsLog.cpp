#include "ScriptsLog.h"

Q_LOGGING_CATEGORY(lcScripts, "consult.scripts")
