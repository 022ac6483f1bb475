#pragma once

#include <QString>
#include <algorithm>

// A voice clip's length as "m:ss", rounded to the nearest second: the same on the bubble, in
// the queue and in exports.
inline QString clockText(qint64 ms)
{
    const qint64 seconds = (std::max<qint64>(0, ms) + 500) / 1000;
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}
