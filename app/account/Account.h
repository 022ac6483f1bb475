#pragma once

#include <QString>
#include <QUrl>

// One user on one server. Several can be used on one machine without mixing data: each has its
// own folder for its cache and outbox.
struct Account
{
    QUrl server;
    QString user;

    // A stable key for this server and user, safe as a file name and a keychain entry name.
    QString key() const;
    // <base>/accounts/<key>/: the cache, the outbox, voice clips.
    QString folder(const QString &base) const;
    QString cachePath(const QString &base) const;
    QString outboxPath(const QString &base) const;
};
