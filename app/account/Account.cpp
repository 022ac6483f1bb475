#include "Account.h"

#include <QCryptographicHash>

QString Account::key() const
{
    // Scheme, host and port identify the server; the user name is case-insensitive on it.
    const QString identity =
        server
            .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment |
                      QUrl::RemoveUserInfo | QUrl::StripTrailingSlash)
            .toString()
            .toLower() +
        QLatin1Char('|') + user.toLower();
    return QString::fromLatin1(
        QCryptographicHash::hash(identity.toUtf8(), QCryptographicHash::Sha256).toHex().left(24));
}

QString Account::folder(const QString &base) const
{
    return base + QStringLiteral("/accounts/") + key();
}

QString Account::cachePath(const QString &base) const
{
    return folder(base) + QStringLiteral("/cache.sqlite");
}

QString Account::outboxPath(const QString &base) const
{
    return folder(base) + QStringLiteral("/outbox.sqlite");
}
