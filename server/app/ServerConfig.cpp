#include "ServerConfig.h"

#include <QTimeZone>

#include <QCommandLineParser>
#include <QFile>
#include <QStandardPaths>
#include <algorithm>

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

// The configuration file: one `option = value` per line, named as the long options are; a flag
// is `yes` or `no`; `#` starts a comment. Each line becomes the option it names, placed before
// the command line's own, so that the command line wins (QCommandLineParser keeps the last).
Expected<QStringList, QString> readConfigFile(const QString &path,
                                              const QList<QCommandLineOption> &options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return QStringLiteral("--config: cannot read %1: %2").arg(path, file.errorString());
    QStringList arguments;
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const auto where = QStringLiteral("%1:%2: ").arg(path).arg(lineNumber);
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return where + QStringLiteral("expected 'option = value', got '%1'").arg(line);
        const QString name = line.left(equals).trimmed();
        const QString value = line.mid(equals + 1).trimmed();
        const auto option = std::find_if(options.cbegin(), options.cend(),
                                         [&](const auto &o) { return o.names().contains(name); });
        if (option == options.cend() || name == QLatin1String("config"))
            return where + QStringLiteral("no option '%1'").arg(name);
        if (!option->valueName().isEmpty()) {
            arguments << QStringLiteral("--") + name + QLatin1Char('=') + value;
        } else if (value == QLatin1String("yes") || value == QLatin1String("true")) {
            arguments << QStringLiteral("--") + name;
        } else if (value != QLatin1String("no") && value != QLatin1String("false")) {
            return where + QStringLiteral("'%1' is yes or no, not '%2'").arg(name, value);
        }
    }
    return arguments;
}

} // namespace

Expected<ServerConfig, QString> ServerConfig::fromArguments(const QStringList &givenArguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Reference backend of the consultation protocol v1."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QList<QCommandLineOption> options{
        option(QStringLiteral("config"),
               QStringLiteral("Read options from this file first (one 'option = value' per "
                              "line); the command line overrides it."),
               QStringLiteral("path")),
        option(QStringLiteral("listen"),
               QStringLiteral("Address to listen on (default 127.0.0.1)."),
               QStringLiteral("address")),
        option(QStringLiteral("port"),
               QStringLiteral("TCP port (default 8765; 0 picks a free one)."),
               QStringLiteral("port")),
        option(QStringLiteral("db"),
               QStringLiteral("SQLite database file (default: the user's data folder), or a "
                              "PostgreSQL database as postgresql://user:password@host:port/name "
                              "(several host:port pairs, comma-separated, for a primary and its "
                              "standbys)."),
               QStringLiteral("path|uri")),
        option(QStringLiteral("cert"),
               QStringLiteral("PEM certificate: serve wss:// instead of ws://."),
               QStringLiteral("path")),
        option(QStringLiteral("key"), QStringLiteral("PEM private key for --cert."),
               QStringLiteral("path")),
        option(QStringLiteral("token-days"),
               QStringLiteral("Session token lifetime in days (default 30)."),
               QStringLiteral("days")),
        option(QStringLiteral("rep-token-days"),
               QStringLiteral("Representatives' session token lifetime in days (default 7)."),
               QStringLiteral("days")),
        option(QStringLiteral("token-seconds"),
               QStringLiteral("Every session token's lifetime in seconds (overrides both "
                              "--token-days and --rep-token-days)."),
               QStringLiteral("seconds")),
        option(QStringLiteral("rep-voice-seconds"),
               QStringLiteral("Longest voice message a representative may send (default 60, "
                              "at most 120)."),
               QStringLiteral("seconds")),
        option(QStringLiteral("stats-time-zone"),
               QStringLiteral("Time zone whose days the statistics count in (an IANA name such "
                              "as Asia/Shanghai; default: the system's)."),
               QStringLiteral("zone")),
        option(QStringLiteral("behind-proxy"),
               QStringLiteral("Clients come through a reverse proxy on this machine (nginx): "
                              "take their address from X-Forwarded-For on loopback "
                              "connections.")),
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
        option(QStringLiteral("transcribe"),
               QStringLiteral("Turn voice messages into text on this server.")),
        option(QStringLiteral("transcribe-engine"),
               QStringLiteral("Speech engine plugin id (default pocketsphinx)."),
               QStringLiteral("id")),
        option(QStringLiteral("transcribe-language"),
               QStringLiteral("Language the voice messages are spoken in (default zh-CN); the "
                              "engine's model must be for it."),
               QStringLiteral("tag")),
        option(QStringLiteral("transcribe-setting"),
               QStringLiteral("An engine setting, e.g. acousticModel=/path (repeatable)."),
               QStringLiteral("key=value")),
        option(QStringLiteral("transcribe-workers"),
               QStringLiteral("Voice messages transcribed at once (default 1)."),
               QStringLiteral("n")),
        option(QStringLiteral("plugin-dir"),
               QStringLiteral("Another folder of engine plugins (repeatable)."),
               QStringLiteral("path")),
        option(QStringLiteral("transcription-port"),
               QStringLiteral("Also serve POST /v1/audio/transcriptions on this port (0 picks "
                              "one) with the same engine."),
               QStringLiteral("port")),
        option(QStringLiteral("transcription-max-bytes"),
               QStringLiteral("Largest request the transcription API takes (default 25 MiB)."),
               QStringLiteral("bytes")),
        option(QStringLiteral("transcription-key-file"),
               QStringLiteral("File holding the key the transcription API requires as a "
                              "bearer token."),
               QStringLiteral("path")),
    };
    parser.addOptions(options);
    if (!parser.parse(givenArguments))
        return parser.errorText();
    QStringList arguments = givenArguments;
    if (parser.isSet(QStringLiteral("config"))) {
        const auto fromFile = readConfigFile(parser.value(QStringLiteral("config")), options);
        if (!fromFile)
            return fromFile.error();
        arguments = givenArguments.mid(0, 1) + *fromFile + givenArguments.mid(1);
        if (!parser.parse(arguments))
            return QStringLiteral("--config: ") + parser.errorText();
    }
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
    config.limits.behindProxy = parser.isSet(QStringLiteral("behind-proxy"));
    if (parser.isSet(QStringLiteral("stats-time-zone"))) {
        const QByteArray zone = parser.value(QStringLiteral("stats-time-zone")).toUtf8();
        if (!QTimeZone::isTimeZoneIdAvailable(zone))
            return QStringLiteral("--stats-time-zone: unknown time zone '%1'")
                .arg(QString::fromUtf8(zone));
        config.limits.statsTimeZone = zone;
    }
    config.seedOnly = parser.isSet(QStringLiteral("seed-demo-only"));
    config.seedDemo = config.seedOnly || parser.isSet(QStringLiteral("demo"));

    qint64 days = 30;
    qint64 repDays = 7;
    qint64 repVoiceSeconds = config.limits.maxRepresentativeVoiceMs / 1000;
    qint64 seconds = 0;
    qint64 rate = 0;
    qint64 burst = 0;
    qint64 helloMs = config.limits.helloTimeoutMs;
    qint64 idleMs = config.limits.idleTimeoutMs;
    if (!readPositive(parser, QStringLiteral("token-days"), &days) ||
        !readPositive(parser, QStringLiteral("token-seconds"), &seconds) ||
        !readPositive(parser, QStringLiteral("rep-token-days"), &repDays) ||
        !readPositive(parser, QStringLiteral("rep-voice-seconds"), &repVoiceSeconds) ||
        !readPositive(parser, QStringLiteral("rate"), &rate) ||
        !readPositive(parser, QStringLiteral("burst"), &burst) ||
        !readPositive(parser, QStringLiteral("hello-timeout-ms"), &helloMs) ||
        !readPositive(parser, QStringLiteral("idle-timeout-ms"), &idleMs))
        return QStringLiteral("numeric options must be positive integers");
    if (std::max(days, repDays) > 3650)
        return QStringLiteral("--token-days and --rep-token-days: at most 3650");
    config.tokenLifetimeMs = seconds > 0 ? seconds * 1000 : days * 24 * 3600 * 1000;
    config.limits.representativeTokenLifetimeMs =
        seconds > 0 ? seconds * 1000 : repDays * 24 * 3600 * 1000;
    if (repVoiceSeconds > Limits::maxVoiceMs / 1000)
        return QStringLiteral("--rep-voice-seconds: at most %1").arg(Limits::maxVoiceMs / 1000);
    config.limits.maxRepresentativeVoiceMs = static_cast<int>(repVoiceSeconds * 1000);
    if (rate > 0)
        config.limits.ratePerSecond = static_cast<double>(rate);
    if (burst > 0)
        config.limits.rateBurst = static_cast<double>(burst);
    config.limits.helloTimeoutMs = static_cast<int>(std::min<qint64>(helloMs, 3600000));
    config.limits.idleTimeoutMs = static_cast<int>(std::min<qint64>(idleMs, 3600000));
    config.limits.pingIntervalMs =
        std::min(config.limits.pingIntervalMs, config.limits.idleTimeoutMs / 3);

    TranscriptionConfig &t = config.transcription;
    t.enabled = parser.isSet(QStringLiteral("transcribe"));
    if (parser.isSet(QStringLiteral("transcribe-engine")))
        t.engine = parser.value(QStringLiteral("transcribe-engine"));
    if (parser.isSet(QStringLiteral("transcribe-language")))
        t.speechLanguage = parser.value(QStringLiteral("transcribe-language"));
    for (const QString &pair : parser.values(QStringLiteral("transcribe-setting"))) {
        const qsizetype equals = pair.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return QStringLiteral("--transcribe-setting: expected key=value, got '%1'").arg(pair);
        t.settings.insert(pair.left(equals), pair.mid(equals + 1));
    }
    t.pluginFolders = parser.values(QStringLiteral("plugin-dir"));
    qint64 workers = 1;
    if (!readPositive(parser, QStringLiteral("transcribe-workers"), &workers) || workers > 64)
        return QStringLiteral("--transcribe-workers: must be 1 to 64");
    t.workers = static_cast<int>(workers);
    if (parser.isSet(QStringLiteral("transcription-port"))) {
        bool ok = false;
        const int httpPort = parser.value(QStringLiteral("transcription-port")).toInt(&ok);
        if (!ok || httpPort < 0 || httpPort > 65535)
            return QStringLiteral("--transcription-port: must be 0 to 65535");
        t.httpPort = httpPort;
        t.enabled = true; // the API needs the engine
    }
    t.httpKeyFile = parser.value(QStringLiteral("transcription-key-file"));
    if (!readPositive(parser, QStringLiteral("transcription-max-bytes"), &t.httpMaxBytes))
        return QStringLiteral("--transcription-max-bytes: must be a positive number");
    return config;
}
