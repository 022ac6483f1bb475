#include "SystemEntryText.h"

#include "app/domain/Vocabulary.h"

#include <QCoreApplication>

QString systemEntryText(const QJsonObject &payload, const Directory &directory, bool english)
{
    const QString eventName = payload.value(QLatin1String("event")).toString();
    const auto event = fromWireName<SystemEvent>(eventName);
    if (!event)
        return eventName; // from a newer server: shown as it came
    auto person = [&](const char *key) {
        const QString name = directory.responderName(payload.value(QLatin1String(key)).toInteger());
        return name.isEmpty() ? QCoreApplication::translate("SystemEntry", "a colleague") : name;
    };
    switch (*event) {
    case SystemEvent::Claimed:
        return QCoreApplication::translate("SystemEntry", "%1 took this consultation")
            .arg(person("responderId"));
    case SystemEvent::Transferred: {
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
    case SystemEvent::Closed: {
        const QString summary = payload.value(QLatin1String("summary")).toString();
        return summary.isEmpty()
                   ? QCoreApplication::translate("SystemEntry", "%1 closed this consultation")
                         .arg(person("responderId"))
                   : QCoreApplication::translate("SystemEntry",
                                                 "%1 closed this consultation. Summary: %2")
                         .arg(person("responderId"), summary);
    }
    case SystemEvent::Rated:
        return QCoreApplication::translate("SystemEntry",
                                           "The representative rated the answer %1 of 5")
            .arg(payload.value(QLatin1String("rating")).toInt());
    }
    return eventName;
}
