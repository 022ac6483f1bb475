#include "WaitTime.h"

#include <QCoreApplication>

namespace WaitTime {

QString format(qint64 elapsedMs)
{
    const qint64 seconds = std::max<qint64>(0, elapsedMs / 1000);
    if (seconds < 60)
        return QCoreApplication::translate("WaitTime", "%1 s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return QCoreApplication::translate("WaitTime", "%1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return QCoreApplication::translate("WaitTime", "%1 h %2 min")
            .arg(hours)
            .arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("WaitTime", "%1 d %2 h").arg(hours / 24).arg(hours % 24);
}

} // namespace WaitTime
