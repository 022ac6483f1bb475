#pragma once

#include "app/core/Expected.h"

#include <QList>
#include <QString>
#include <QUrl>

// What the administrator of a help-desk kiosk sets (/etc/responder-kiosk/kiosk.conf, an INI
// file, section [kiosk]); see docs/kiosk.md. Everything has a default, so an empty file is a
// working kiosk against the local server.
struct KioskConfig
{
    static constexpr auto defaultPath = "/etc/responder-kiosk/kiosk.conf";

    QList<QUrl> servers;              // empty: the console's default
    int idleSeconds = 5 * 60;         // idle-minutes: signed out after this long untouched
    int warningSeconds = 30;          // warning-seconds: the visible count-down before
    int outboxLimitSeconds = 10 * 60; // outbox-limit-minutes: sign-out waits this long at most
    QString exportFolder;             // export-folder: where exports go; empty: no export
    QString stateFolder = QStringLiteral("/var/lib/responder-kiosk"); // the desk's own records
    QString language; // zh | en; empty: the system's

    // A missing file is the defaults; a value that is not understood is an error naming it.
    static Expected<KioskConfig, QString> load(const QString &path);
};
