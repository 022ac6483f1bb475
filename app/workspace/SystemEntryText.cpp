#include "SystemEntryText.h"

#include <QCoreApplication>

namespace {} // namespace

QString systemEntryText(const QJsonObject &payload, const Directory &directory, bool english)
{
    const QString event = payload.value(QLatin1String("event")).toString();
    auto person = [&](const char *key) {
        const QString name = directory.responderName(payload.value(QLatin1String(key)).toInteger());
        return name.isEmpty() ? QCoreApplication::translate("SystemEntry", "a colleague") : name;
    };
    if (event == QLatin1String("claimed"))
        return QCoreApplication::translate("SystemEntry", "%1 took this consultation")
            .arg(person("responderId"));
    if (event == QLatin1String("transferred")) {
        const qint64 toResponder = payload.value(QLatin1String("toResponderId")).toInteger();
        const QString target =
            toResponder > 0
                ? person("toResponderId")
                : directory.departmentName(
                      payload.value(QLatin1String("toDepartmentId")).toInteger(), english);
        return QCoreApplication::translate("SystemEntry",
                                           "%1 transferred this consultation to %2. Reason: %3")
            .arg(person("byResponderId"), target,
                 payload.value(QLatin1String("reason")).toString());
    }
    if (event == QLatin1String("closed")) {
        const QString summary = payload.value(QLatin1String("summary")).toString();
        return summary.isEmpty()
                   ? QCoreApplication::translate("SystemEntry", "%1 closed this consultation")
                         .arg(person("responderId"))
                   : QCoreApplication::translate("SystemEntry",
                                                 "%1 closed this consultation. Summary: %2")
                         .arg(person("responderId"), summary);
    }
    if (event == QLatin1String("rated"))
        return QCoreApplication::translate("SystemEntry",
                                           "The representative rated the answer %1 of 5")
            .arg(payload.value(QLatin1String("rating")).toInt());
    return event;
}
