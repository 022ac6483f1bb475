#include "JsonLogHandler.h"
#include "ServerConfig.h"
#include "SignalWatcher.h"
#include "app/transcription/SpeechEngineRegistry.h"
#include "server/auth/PasswordHasher.h"
#include "server/demo/DemoCatalog.h"
#include "server/demo/DemoSeeder.h"
#include "server/net/ConsultServer.h"
#include "server/net/EventHub.h"
#include "server/services/ChangeFeed.h"
#include "server/services/ServerContext.h"
#include "server/storage/Database.h"
#include "server/storage/PostgresLocation.h"
#include "server/storage/WalCheckpointer.h"
#include "server/transcription/TranscriptionApi.h"
#include "server/transcription/TranscriptionPool.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslKey>
#include <QTimer>
#include <cstdio>

Q_LOGGING_CATEGORY(lcMain, "consult.main")

namespace {

Expected<QSslConfiguration, QString> loadTls(const ServerConfig &config)
{
    QFile certFile(config.certificatePath);
    QFile keyFile(config.keyPath);
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read --cert or --key");
    const auto chain = QSslCertificate::fromDevice(&certFile, QSsl::Pem);
    const QSslKey key(&keyFile, QSsl::Rsa, QSsl::Pem);
    if (chain.isEmpty() || key.isNull())
        return QStringLiteral("--cert or --key is not a PEM certificate / RSA key");
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    return tls;
}

bool seedDemoData(Database &database)
{
    if (!database.isEmpty())
        return true;
    const auto summary =
        DemoSeeder::seed(database, buildDemoCatalog(), DemoSeeder::bundledVoiceClips(),
                         QDateTime::currentMSecsSinceEpoch());
    if (!summary) {
        qCCritical(lcMain).noquote() << summary.error();
        return false;
    }
    qCInfo(lcMain).noquote() << "demo data written:" << summary->summary;
    return true;
}

// The engine the options name, checked by making it once here: a model that is missing fails
// the start with the engine's own reason instead of every voice message later.
Expected<std::unique_ptr<TranscriptionPool>, QString>
startTranscription(const TranscriptionConfig &config, SpeechEngineRegistry &registry,
                   ServerContext &context)
{
    registry.scan(SpeechEngineRegistry::defaultFolders() + config.pluginFolders);
    for (const auto &problem : registry.problems())
        qCWarning(lcMain).noquote() << "plugin" << problem.file << "skipped:" << problem.reason;
    QVariantMap settings = config.settings;
    settings.insert(QStringLiteral("engine"), config.engine);
    settings.insert(QStringLiteral("speechLanguage"), config.speechLanguage);
    QString why;
    const SpeechEngineFactory *factory = registry.choose(settings, &why);
    if (!factory)
        return QStringLiteral("--transcribe: ") + why;
    if (!factory->create(settings, &why))
        return QStringLiteral("--transcribe: ") + why;
    qCInfo(lcMain).noquote() << "transcribing voice messages with" << factory->info().id << "on"
                             << config.workers << "worker(s)";
    return std::make_unique<TranscriptionPool>(context, *factory, settings, config.speechLanguage,
                                               config.workers);
}

bool wantsInformation(const QStringList &arguments)
{
    for (const char *flag : {"-h", "--help", "-v", "--version", "--help-all"}) {
        if (arguments.contains(QLatin1String(flag)))
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("consult-server"));
    QCoreApplication::setOrganizationName(QStringLiteral("ResponderConsole"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CONSULT_VERSION));

    const auto config = ServerConfig::fromArguments(app.arguments());
    if (!config) {
        const bool info = wantsInformation(app.arguments());
        std::fprintf(info ? stdout : stderr, "%s\n", qPrintable(config.error()));
        return info ? 0 : 2;
    }
    installJsonLogHandler();
    if (!PasswordHasher::initialize()) {
        qCCritical(lcMain) << "libsodium failed to initialize";
        return 1;
    }

    const bool sqlite = !PostgresLocation::isPostgres(config->databasePath);
    if (sqlite)
        QDir().mkpath(QFileInfo(config->databasePath).absolutePath());
    auto database = Database::open(config->databasePath, config->durable);
    if (!database) {
        qCCritical(lcMain).noquote() << database.error();
        return 1;
    }
    if (config->seedDemo && !seedDemoData(**database))
        return 1;
    if (config->seedOnly)
        return 0;

    std::optional<QSslConfiguration> tls;
    if (!config->certificatePath.isEmpty()) {
        const auto loaded = loadTls(*config);
        if (!loaded) {
            qCCritical(lcMain).noquote() << loaded.error();
            return 2;
        }
        tls = loaded.value();
    }

    // SQLite's write-ahead log is checkpointed by a thread of ours; PostgreSQL does its own.
    std::optional<WalCheckpointer> checkpointer;
    if (sqlite) {
        checkpointer.emplace(config->databasePath);
        checkpointer->start(QThread::LowPriority);
    }
    EventHub events(**database);
    ServerContext context(**database, config->tokenLifetimeMs, config->limits, events);
    SpeechEngineRegistry engines; // outlives the pool: it holds the engine's plugin
    std::unique_ptr<TranscriptionPool> transcription;
    if (config->transcription.enabled) {
        auto started = startTranscription(config->transcription, engines, context);
        if (!started) {
            qCCritical(lcMain).noquote() << started.error();
            std::fprintf(stderr, "%s\n", qPrintable(started.error()));
            return 2;
        }
        transcription = std::move(*started);
        context.transcription = transcription.get();
    }
    ConsultServer server(context, events, tls);
    // On PostgreSQL other nodes may share the database: their changes reach this node's
    // clients through the change feed.
    std::optional<ChangeFeed> feed;
    std::optional<SharedLoginBlocks> sharedBlocks;
    if (!sqlite) {
        feed.emplace(context);
        sharedBlocks.emplace(**database);
        context.sharedBlocks = &*sharedBlocks;
    }
    if (!server.listen(config->address, config->port)) {
        qCCritical(lcMain).noquote() << "cannot listen:" << server.errorString();
        return 1;
    }
    // One line on stdout that scripts and tests read to learn the address.
    std::printf("listening %s\n", qPrintable(server.url().toString()));
    std::fflush(stdout);
    std::unique_ptr<TranscriptionApi> api;
    if (transcription && config->transcription.httpPort >= 0) {
        TranscriptionApi::Options options;
        options.maxBodyBytes = config->transcription.httpMaxBytes;
        if (!config->transcription.httpKeyFile.isEmpty()) {
            QFile keyFile(config->transcription.httpKeyFile);
            if (!keyFile.open(QIODevice::ReadOnly)) {
                qCCritical(lcMain) << "cannot read --transcription-key-file";
                return 2;
            }
            options.key = keyFile.readAll().trimmed();
        }
        api = std::make_unique<TranscriptionApi>(*transcription, options);
        if (!api->listen(config->address, quint16(config->transcription.httpPort))) {
            qCCritical(lcMain).noquote()
                << "cannot listen for the transcription API:" << api->errorString();
            return 1;
        }
        std::printf("transcription api http://%s:%u/v1/audio/transcriptions\n",
                    qPrintable(config->address.toString()), unsigned(api->port()));
        std::fflush(stdout);
    }
    if (transcription)
        transcription->resume();
    qCInfo(lcMain).noquote() << "listening on" << server.url().toString() << "database"
                             << PostgresLocation::redacted(config->databasePath);

    SignalWatcher signals;
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &app, [&server, &app] {
        qCInfo(lcMain) << "termination requested";
        server.shutdown();
        // Give the close frames a moment to leave; everything acknowledged is already committed.
        QTimer::singleShot(300, &app, &QCoreApplication::quit);
    });
    const int code = app.exec();
    qCInfo(lcMain) << "stopped";
    return code;
}
