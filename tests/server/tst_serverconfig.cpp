// consult-server's options: the command line, and the configuration file an administrator edits
// (/etc/consult-server/consult-server.conf in the Debian package).
#include "server/app/ServerConfig.h"

#include <QTemporaryDir>
#include <QTest>

class TestServerConfig : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString writeConfig(const QByteArray &text)
    {
        const QString path = m_dir.filePath(QStringLiteral("consult-server.conf"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        file.write(text);
        return path;
    }

    static Expected<ServerConfig, QString> parse(QStringList arguments)
    {
        arguments.prepend(QStringLiteral("consult-server"));
        return ServerConfig::fromArguments(arguments);
    }

private Q_SLOTS:
    void fileSetsOptions()
    {
        const QString path = writeConfig("# Written by the administrator\n"
                                         "listen = 0.0.0.0\n"
                                         "port=9443   \n"
                                         "\n"
                                         "db = /var/lib/consult-server/server.sqlite\n"
                                         "durable = yes\n"
                                         "demo = no\n"
                                         "transcribe-setting = language=en-US\n");
        const auto config = parse({QStringLiteral("--config"), path});
        QVERIFY2(config, qPrintable(config ? QString() : config.error()));
        QCOMPARE(config->address, QHostAddress(QHostAddress::AnyIPv4));
        QCOMPARE(config->port, 9443);
        QCOMPARE(config->databasePath, QStringLiteral("/var/lib/consult-server/server.sqlite"));
        QVERIFY(config->durable);
        QVERIFY(!config->seedDemo);
        QCOMPARE(config->transcription.settings.value(QStringLiteral("language")).toString(),
                 QStringLiteral("en-US"));
    }

    void commandLineOverridesFile()
    {
        const QString path = writeConfig("port = 9443\nlisten = 0.0.0.0\n");
        const auto config = parse(
            {QStringLiteral("--port"), QStringLiteral("8800"), QStringLiteral("--config"), path});
        QVERIFY2(config, qPrintable(config ? QString() : config.error()));
        QCOMPARE(config->port, 8800);
        QCOMPARE(config->address, QHostAddress(QHostAddress::AnyIPv4));
    }

    void mistakesNameTheLine()
    {
        struct Case
        {
            QByteArray text;
            QString expected;
        };
        const QList<Case> cases{
            {"port = 1\nlisen = 0.0.0.0\n", QStringLiteral(":2: no option 'lisen'")},
            {"durable = maybe\n", QStringLiteral(":1: 'durable' is yes or no, not 'maybe'")},
            {"port 9443\n", QStringLiteral(":1: expected 'option = value'")},
            {"config = /etc/other.conf\n", QStringLiteral(":1: no option 'config'")},
            {"port = 70000\n", QStringLiteral("--port: must be 0 to 65535")},
        };
        for (const Case &c : cases) {
            const auto config = parse({QStringLiteral("--config"), writeConfig(c.text)});
            QVERIFY2(!config, c.text.constData());
            QVERIFY2(config.error().contains(c.expected), qPrintable(config.error()));
        }
    }

    void representativesOptions()
    {
        const auto defaults = ServerConfig::fromArguments({QStringLiteral("consult-server")});
        QVERIFY(defaults);
        QCOMPARE(defaults->limits.representativeTokenLifetimeMs, 7LL * 24 * 3600 * 1000);
        QCOMPARE(defaults->limits.maxRepresentativeVoiceMs, 60000);
        const auto set = ServerConfig::fromArguments({QStringLiteral("consult-server"),
                                                      QStringLiteral("--rep-token-days=1"),
                                                      QStringLiteral("--rep-voice-seconds=30")});
        QVERIFY(set);
        QCOMPARE(set->limits.representativeTokenLifetimeMs, 24LL * 3600 * 1000);
        QCOMPARE(set->tokenLifetimeMs, 30LL * 24 * 3600 * 1000);
        QCOMPARE(set->limits.maxRepresentativeVoiceMs, 30000);
        QVERIFY(!ServerConfig::fromArguments(
            {QStringLiteral("consult-server"), QStringLiteral("--rep-voice-seconds=121")}));
    }

    void statisticsTimeZone()
    {
        QVERIFY(ServerConfig::fromArguments({QStringLiteral("consult-server")})
                    ->limits.statsTimeZone.isEmpty());
        const auto set = ServerConfig::fromArguments(
            {QStringLiteral("consult-server"), QStringLiteral("--stats-time-zone=Asia/Shanghai")});
        QVERIFY(set);
        QCOMPARE(set->limits.statsTimeZone, QByteArray("Asia/Shanghai"));
        const auto wrong = ServerConfig::fromArguments(
            {QStringLiteral("consult-server"), QStringLiteral("--stats-time-zone=Mars/Olympus")});
        QVERIFY(!wrong);
        QVERIFY(wrong.error().contains(QLatin1String("Mars/Olympus")));
    }

    void missingFileIsAnError()
    {
        const auto config =
            parse({QStringLiteral("--config"), m_dir.filePath(QStringLiteral("absent.conf"))});
        QVERIFY(!config);
        QVERIFY2(config.error().contains(QStringLiteral("absent.conf")),
                 qPrintable(config.error()));
    }

    // The file the Debian package installs: every line it sets is an option the server takes,
    // and what it leaves commented out is the server's default.
    void packagedFileIsValid()
    {
        const QString packaged =
            QStringLiteral(CONSULT_SOURCE_DIR) + QStringLiteral("/packaging/consult-server.conf");
        const auto config = parse({QStringLiteral("--config"), packaged});
        QVERIFY2(config, qPrintable(config ? QString() : config.error()));
        QCOMPARE(config->databasePath, QStringLiteral("/var/lib/consult-server/server.sqlite"));
        QVERIFY(!config->seedDemo);
        QVERIFY(config->certificatePath.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
