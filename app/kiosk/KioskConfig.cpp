#include "KioskConfig.h"

#include "app/account/ServerAddress.h"

#include <QFileInfo>
#include <QSettings>

namespace {

// A whole number of minutes or seconds in [min, max], or the fallback when absent.
bool readNumber(const QSettings &file, const QString &key, int min, int max, int scale, int *out,
                QString *error)
{
    if (!file.contains(key))
        return true;
    bool ok = false;
    const int value = file.value(key).toString().trimmed().toInt(&ok);
    if (!ok || value < min || value > max) {
        *error = QStringLiteral("%1: a whole number from %2 to %3").arg(key).arg(min).arg(max);
        return false;
    }
    *out = value * scale;
    return true;
}

} // namespace

Expected<KioskConfig, QString> KioskConfig::load(const QString &path)
{
    KioskConfig config;
    if (!QFileInfo::exists(path))
        return config;
    QSettings file(path, QSettings::IniFormat);
    if (file.status() != QSettings::NoError)
        return QStringLiteral("%1 cannot be read").arg(path);
    file.beginGroup(QStringLiteral("kiosk"));
    QString error;
    if (!readNumber(file, QStringLiteral("idle-minutes"), 1, 240, 60, &config.idleSeconds,
                    &error) ||
        !readNumber(file, QStringLiteral("warning-seconds"), 5, 300, 1, &config.warningSeconds,
                    &error) ||
        !readNumber(file, QStringLiteral("outbox-limit-minutes"), 0, 24 * 60, 60,
                    &config.outboxLimitSeconds, &error))
        return path + QStringLiteral(": ") + error;
    if (config.warningSeconds >= config.idleSeconds)
        return path + QStringLiteral(": warning-seconds must be shorter than idle-minutes");
    if (file.contains(QStringLiteral("servers"))) {
        // QSettings splits an unquoted comma list itself.
        const QString list = file.value(QStringLiteral("servers")).toStringList().join(u',');
        const auto servers = ServerAddress::parseList(list);
        if (!servers)
            return path + QStringLiteral(": servers: ") + servers.error();
        config.servers = *servers;
    }
    config.exportFolder = file.value(QStringLiteral("export-folder")).toString().trimmed();
    config.stateFolder =
        file.value(QStringLiteral("state-folder"), config.stateFolder).toString().trimmed();
    config.language = file.value(QStringLiteral("language")).toString().trimmed();
    if (!config.language.isEmpty() && config.language != QLatin1String("zh") &&
        config.language != QLatin1String("en"))
        return path + QStringLiteral(": language: zh or en");
    return config;
}
