#include "ServerAddress.h"

#include <QRegularExpression>

namespace ServerAddress {

Expected<QList<QUrl>, QString> parseList(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    QList<QUrl> servers;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        const QString withScheme =
            part.contains(QLatin1String("://")) ? part : QStringLiteral("ws://") + part;
        QUrl url(withScheme, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty() ||
            (scheme != QLatin1String("ws") && scheme != QLatin1String("wss")))
            return part;
        if (url.port() == -1 && scheme == QLatin1String("ws"))
            url.setPort(defaultPort);
        if (!servers.contains(url))
            servers.append(url);
    }
    if (servers.isEmpty())
        return QString();
    return servers;
}

QString formatList(const QList<QUrl> &servers)
{
    QStringList parts;
    for (const QUrl &url : servers)
        parts << url.toString();
    return parts.join(QStringLiteral(", "));
}

} // namespace ServerAddress
