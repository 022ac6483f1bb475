#include "WorkspaceLog.h"

Q_LOGGING_CATEGORY(lcWorkspace, "consult.workspace")
