#include "PostgresLocation.h"

#include <QList>
#include <QRegularExpression>
#include <QUrl>
#include <utility>

namespace PostgresLocation {

namespace {

const QLatin1String schemes[] = {QLatin1String("postgresql://"), QLatin1String("postgres://")};

QString schemeOf(const QString &location)
{
    for (const QLatin1String &scheme : schemes) {
        if (location.startsWith(scheme, Qt::CaseInsensitive))
            return scheme;
    }
    return {};
}

// A libpq value in single quotes, backslash and quote escaped.
QString quoted(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

QString decoded(const QString &part)
{
    return QUrl::fromPercentEncoding(part.toUtf8());
}

// What a node needs whatever the site's URI says: a dead primary noticed within seconds
// (keepalives; Qt reports nothing when a listening connection's backend dies), a bounded
// connect, and only a primary accepted as the place to write.
const std::pair<const char *, const char *> defaults[] = {{"connect_timeout", "5"},
                                                          {"keepalives", "1"},
                                                          {"keepalives_idle", "10"},
                                                          {"keepalives_interval", "5"},
                                                          {"keepalives_count", "3"},
                                                          {"application_name", "consult-server"},
                                                          {"target_session_attrs", "read-write"}};

} // namespace

bool isPostgres(const QString &location)
{
    return !schemeOf(location).isEmpty();
}

Expected<QString, Invalid> connectOptions(const QString &uri)
{
    const QString scheme = schemeOf(uri);
    if (scheme.isEmpty())
        return Invalid{QStringLiteral("not a postgresql:// URI")};
    QString rest = uri.mid(scheme.size());
    // The user information as libpq finds it: an '@' before the first '/' (so '/', '?' and
    // '@' in a password must be percent-encoded, as libpq requires). Errors below never quote
    // a part of the URI: a misplaced password would be in it.
    QString user, password;
    const int slash = rest.indexOf(QLatin1Char('/'));
    if (const int at = rest.left(slash < 0 ? rest.size() : slash).indexOf(QLatin1Char('@'));
        at >= 0) {
        const QString userInfo = rest.left(at);
        rest = rest.mid(at + 1);
        const int colon = userInfo.indexOf(QLatin1Char(':'));
        user = decoded(colon >= 0 ? userInfo.left(colon) : userInfo);
        if (colon >= 0)
            password = decoded(userInfo.mid(colon + 1));
    }
    QString query;
    if (const int q = rest.indexOf(QLatin1Char('?')); q >= 0) {
        query = rest.mid(q + 1);
        rest.truncate(q);
    }
    QString dbname;
    if (const int slash = rest.indexOf(QLatin1Char('/')); slash >= 0) {
        dbname = decoded(rest.mid(slash + 1));
        rest.truncate(slash);
    }
    QStringList hosts, ports;
    bool anyPort = false;
    for (const QString &hostPort : rest.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        QString host = hostPort;
        QString port;
        // [v6::addr]:port, host:port, or a host alone.
        const int close = host.lastIndexOf(QLatin1Char(']'));
        const int colon = host.lastIndexOf(QLatin1Char(':'));
        if (colon > close) {
            port = host.mid(colon + 1);
            host.truncate(colon);
            bool ok = false;
            const int number = port.toInt(&ok);
            if (!ok || number <= 0 || number > 65535)
                return Invalid{QStringLiteral("invalid port in the database URI (a '/', '?' or "
                                              "'@' in a password must be percent-encoded)")};
            anyPort = true;
        }
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        hosts << decoded(host);
        ports << port;
    }

    QList<std::pair<QString, QString>> options;
    if (!hosts.isEmpty())
        options.append({QStringLiteral("host"), hosts.join(QLatin1Char(','))});
    if (anyPort)
        options.append({QStringLiteral("port"), ports.join(QLatin1Char(','))});
    if (!dbname.isEmpty())
        options.append({QStringLiteral("dbname"), dbname});
    if (!user.isEmpty())
        options.append({QStringLiteral("user"), user});
    if (!password.isEmpty())
        options.append({QStringLiteral("password"), password});
    static const QRegularExpression keyword(QStringLiteral("^[a-z_]+$"));
    for (const QString &pair : query.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const int eq = pair.indexOf(QLatin1Char('='));
        const QString key = decoded(pair.left(eq));
        if (eq < 0 || !keyword.match(key).hasMatch())
            return Invalid{QStringLiteral("invalid parameter in the database URI")};
        options.append({key, decoded(pair.mid(eq + 1))});
    }
    for (const auto &[key, value] : defaults) {
        const bool set = std::any_of(options.cbegin(), options.cend(), [&](const auto &option) {
            return option.first == QLatin1String(key);
        });
        if (!set)
            options.append({QLatin1String(key), QLatin1String(value)});
    }

    QStringList parts;
    for (const auto &[key, value] : std::as_const(options)) {
        if (value.contains(QLatin1Char(';')))
            return Invalid{QStringLiteral("the database URI's %1 contains ';', which Qt's "
                                          "PostgreSQL driver cannot pass on")
                               .arg(key)};
        parts << key + QLatin1Char('=') + quoted(value);
    }
    return parts.join(QLatin1Char(' '));
}

QString redacted(const QString &location)
{
    const QString scheme = schemeOf(location);
    if (scheme.isEmpty())
        return location;
    // A password given as a parameter (plain, or with a percent-encoded key) first; then
    // everything between the user name and the last '@' left, which hides more than the
    // password when an '@' appears elsewhere, never less.
    static const QRegularExpression password(
        QStringLiteral("([?&](?:password|[^=&]*%[^=&]*)=)[^&]*"));
    QString result = location;
    result.replace(password, QStringLiteral("\\1***"));
    const int at = result.lastIndexOf(QLatin1Char('@'));
    if (at > scheme.size()) {
        const int colon = result.indexOf(QLatin1Char(':'), scheme.size());
        if (colon >= 0 && colon < at)
            result.replace(colon + 1, at - colon - 1, QStringLiteral("***"));
    }
    return result;
}

} // namespace PostgresLocation
