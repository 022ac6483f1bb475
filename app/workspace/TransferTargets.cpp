#include "TransferTargets.h"

#include "app/scripts/PinyinInitials.h"

#include <QCollator>
#include <QLocale>
#include <algorithm>

namespace {
QList<TransferTarget> sorted(QList<TransferTarget> targets, bool english)
{
    // ICU's Chinese collation orders Han characters by their pinyin.
    QCollator collator(english ? QLocale(QLocale::English)
                               : QLocale(QLocale::Chinese, QLocale::China));
    std::sort(targets.begin(), targets.end(),
              [&collator](const TransferTarget &a, const TransferTarget &b) {
                  return collator.compare(a.name, b.name) < 0;
              });
    PinyinInitials pinyin;
    for (TransferTarget &target : targets)
        target.searchKey =
            target.name + u' ' + (pinyin.isValid() ? pinyin.initials(target.name) : QString());
    return targets;
}
} // namespace

namespace TransferTargets {

QList<TransferTarget> colleagues(const Directory &directory, qint64 ownId, qint64 ownDepartmentId)
{
    QList<TransferTarget> targets;
    for (auto it = directory.responders.cbegin(); it != directory.responders.cend(); ++it) {
        if (it.key() != ownId && it->departmentId == ownDepartmentId && it->active)
            targets.append({it.key(), it->name, {}});
    }
    return sorted(targets, false);
}

QList<TransferTarget> departments(const Directory &directory, qint64 ownDepartmentId, bool english)
{
    QList<TransferTarget> targets;
    for (auto it = directory.departments.cbegin(); it != directory.departments.cend(); ++it) {
        if (it.key() != ownDepartmentId)
            targets.append({it.key(), directory.departmentName(it.key(), english), {}});
    }
    return sorted(targets, english);
}

} // namespace TransferTargets
