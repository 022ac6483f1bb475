#pragma once

#include <QString>

// "How long has this waited", as an officer reads it at a glance: 45 s, 12 min, 3 h 05 min,
// 2 d 4 h. Translated through QCoreApplication (context "WaitTime").
namespace WaitTime {
QString format(qint64 elapsedMs);
}
