#include "KioskLog.h"

Q_LOGGING_CATEGORY(lcKiosk, "consult.kiosk")
