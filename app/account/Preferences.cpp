#include "Preferences.h"

#include <QSettings>

namespace {
const QString enterSendsKey = QStringLiteral("composer/enterSends");
const QString overdueKey = QStringLiteral("queue/overdueMinutes");
const QString alertsKey = QStringLiteral("alerts/desktop");
const QString soundKey = QStringLiteral("alerts/sound");
const QString inputKey = QStringLiteral("voice/input");
const QString outputKey = QStringLiteral("voice/output");
const QString playNextKey = QStringLiteral("voice/playNextUnheard");
} // namespace

Preferences Preferences::load(const QSettings &settings)
{
    Preferences p;
    p.enterSends = settings.value(enterSendsKey, p.enterSends).toBool();
    p.overdueMinutes = std::clamp(settings.value(overdueKey, p.overdueMinutes).toInt(), 1, 24 * 60);
    p.desktopAlerts = settings.value(alertsKey, p.desktopAlerts).toBool();
    p.soundAlerts = settings.value(soundKey, p.soundAlerts).toBool();
    p.audioInput = settings.value(inputKey).toByteArray();
    p.audioOutput = settings.value(outputKey).toByteArray();
    p.playNextUnheard = settings.value(playNextKey, p.playNextUnheard).toBool();
    return p;
}

void Preferences::save(QSettings &settings) const
{
    settings.setValue(enterSendsKey, enterSends);
    settings.setValue(overdueKey, overdueMinutes);
    settings.setValue(alertsKey, desktopAlerts);
    settings.setValue(soundKey, soundAlerts);
    settings.setValue(inputKey, audioInput);
    settings.setValue(outputKey, audioOutput);
    settings.setValue(playNextKey, playNextUnheard);
    settings.sync();
}
