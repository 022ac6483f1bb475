#pragma once

#include <QByteArray>
#include <QString>

class QSettings;

// How this officer likes the console to behave, kept in the settings file (never secrets).
struct Preferences
{
    bool enterSends = true;    // false: Shift+Enter sends and Enter starts a new line
    int overdueMinutes = 30;   // a waiting consultation stands out after this long
    bool desktopAlerts = true; // tray notifications for new consultations and messages
    bool soundAlerts = false;  // and a short sound with them
    QByteArray audioInput;     // device ids; empty: the system's default
    QByteArray audioOutput;
    bool playNextUnheard = false; // after a voice message, the next unheard one plays
    // Not kept: a help-desk kiosk sets it. A headset that is plugged in is used at once.
    bool newDeviceFirst = false;

    static Preferences load(const QSettings &settings);
    void save(QSettings &settings) const;
};
