#include "ServerConfig.h"

#include <QCommandLineParser>
#include <QStandardPaths>

namespace {

QCommandLineOption option(const QString &name, const QString &description,
                          const QString &valueName = {}, const QString &defaultValue = {})
{
    return QCommandLineOption(name, description, valueName, defaultValue);
}

bool readPositive(const QCommandLineParser &parser, const QString &name, qint64 *out)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value <= 0)
        return false;
    *out = value;
    return true;
}

} // namespace

Expected<ServerConfig, QString> ServerConfig::fromArguments(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Reference backend of the consultation protocol v1."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QList<QCommandLineOption> options{
        option(QStringLiteral("listen"),
               QStringLiteral("Address to listen on (default 127.0.0.1)."),
               QStringLiteral("address")),
        option(QStringLiteral("port"),
               QStringLiteral("TCP port (default 8765; 0 picks a free one)."),
               QStringLiteral("port")),
        option(QStringLiteral("db"),
               QStringLiteral("SQLite database file (default: the user's data folder)."),
               QStringLiteral("path")),
        option(QStringLiteral("cert"),
               QStringLiteral("PEM certificate: serve wss:// instead of ws://."),
               QStringLiteral("path")),
        option(QStringLiteral("key"), QStringLiteral("PEM private key for --cert."),
               QStringLiteral("path")),
        option(QStringLiteral("token-days"),
               QStringLiteral("Session token lifetime in days (default 30)."),
               QStringLiteral("days")),
        option(QStringLiteral("token-seconds"),
               QStringLiteral("Session token lifetime in seconds (overrides --token-days)."),
               QStringLiteral("seconds")),
        option(QStringLiteral("durable"),
               QStringLiteral("Sync every commit to disk (survives power loss; slower).")),
        option(QStringLiteral("demo"),
               QStringLiteral("Fill an empty database with demo data before serving.")),
        option(QStringLiteral("seed-demo-only"),
               QStringLiteral("Fill an empty database with demo data and exit.")),
        option(QStringLiteral("rate"),
               QStringLiteral("Requests per second per connection (default 50)."),
               QStringLiteral("n")),
        option(QStringLiteral("burst"),
               QStringLiteral("Request burst per connection (default 100)."), QStringLiteral("n")),
        option(QStringLiteral("hello-timeout-ms"),
               QStringLiteral("Time allowed for 'hello' (default 10000)."), QStringLiteral("ms")),
        option(QStringLiteral("idle-timeout-ms"),
               QStringLiteral("Silence allowed before closing (default 60000)."),
               QStringLiteral("ms")),
    };
    parser.addOptions(options);
    if (!parser.parse(arguments))
        return parser.errorText();
    if (parser.isSet(QStringLiteral("help")))
        return parser.helpText();
    if (parser.isSet(QStringLiteral("version")))
        return QStringLiteral("consult-server ") + QCoreApplication::applicationVersion();

    ServerConfig config;
    if (parser.isSet(QStringLiteral("listen")) &&
        !config.address.setAddress(parser.value(QStringLiteral("listen"))))
        return QStringLiteral("--listen: not an IP address");
    qint64 port = config.port;
    if (parser.isSet(QStringLiteral("port"))) {
        bool ok = false;
        port = parser.value(QStringLiteral("port")).toLongLong(&ok);
        if (!ok || port < 0 || port > 65535)
            return QStringLiteral("--port: must be 0 to 65535");
    }
    config.port = static_cast<quint16>(port);
    config.databasePath = parser.value(QStringLiteral("db"));
    if (config.databasePath.isEmpty())
        config.databasePath = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                              QStringLiteral("/server.sqlite");
    config.certificatePath = parser.value(QStringLiteral("cert"));
    config.keyPath = parser.value(QStringLiteral("key"));
    if (config.certificatePath.isEmpty() != config.keyPath.isEmpty())
        return QStringLiteral("--cert and --key go together");
    config.durable = parser.isSet(QStringLiteral("durable"));
    config.seedOnly = parser.isSet(QStringLiteral("seed-demo-only"));
    config.seedDemo = config.seedOnly || parser.isSet(QStringLiteral("demo"));

    qint64 days = 30;
    qint64 seconds = 0;
    qint64 rate = 0;
    qint64 burst = 0;
    qint64 helloMs = config.limits.helloTimeoutMs;
    qint64 idleMs = config.limits.idleTimeoutMs;
    if (!readPositive(parser, QStringLiteral("token-days"), &days) ||
        !readPositive(parser, QStringLiteral("token-seconds"), &seconds) ||
        !readPositive(parser, QStringLiteral("rate"), &rate) ||
        !readPositive(parser, QStringLiteral("burst"), &burst) ||
        !readPositive(parser, QStringLiteral("hello-timeout-ms"), &helloMs) ||
        !readPositive(parser, QStringLiteral("idle-timeout-ms"), &idleMs))
        return QStringLiteral("numeric options must be positive integers");
    config.tokenLifetimeMs = seconds > 0 ? seconds * 1000 : days * 24 * 3600 * 1000;
    if (rate > 0)
        config.limits.ratePerSecond = static_cast<double>(rate);
    if (burst > 0)
        config.limits.rateBurst = static_cast<double>(burst);
    config.limits.helloTimeoutMs = static_cast<int>(std::min<qint64>(helloMs, 3600000));
    config.limits.idleTimeoutMs = static_cast<int>(std::min<qint64>(idleMs, 3600000));
    config.limits.pingIntervalMs =
        std::min(config.limits.pingIntervalMs, config.limits.idleTimeoutMs / 3);
    return config;
}
