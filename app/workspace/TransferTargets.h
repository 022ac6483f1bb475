#pragma once

#include "Directory.h"

#include <QList>
#include <QString>

// Where a consultation can be handed: the officer's active colleagues, or the other
// departments, in the order a Chinese reader looks for them (by pinyin) and each with the key
// typing filters on (the name and its pinyin initials, as reply scripts are found:
// "jy" finds 教育委员会).
struct TransferTarget
{
    qint64 id = 0;
    QString name;
    QString searchKey;
};

namespace TransferTargets {
QList<TransferTarget> colleagues(const Directory &directory, qint64 ownId, qint64 ownDepartmentId);
// `english`: department names in English, sorted as English.
QList<TransferTarget> departments(const Directory &directory, qint64 ownDepartmentId, bool english);
} // namespace TransferTargets
