// The responder console: signs in (or resumes the last account from the keychain), keeps the
// local cache in sync and delivers replies. See README.md for the options.
#include "ConsoleRoot.h"
#include "app/account/ServerAddress.h"
#include "app/kiosk/KioskConfig.h"
#include "app/kiosk/KioskPrivateFolder.h"
#include "ui/kiosk/KioskFrame.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <algorithm>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>

int main(int argc, char *argv[])
{
    std::unique_ptr<QTemporaryDir> kioskFolder;
    if (std::any_of(argv + 1, argv + argc,
                    [](const char *a) { return !std::strcmp(a, "--kiosk"); })) {
        QString error;
        kioskFolder = makeKioskPrivateFolder(&error);
        if (!kioskFolder) {
            std::fprintf(stderr, "--kiosk: %s\n", qPrintable(error));
            return 2;
        }
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("responder-console"));
    QApplication::setApplicationName(QStringLiteral("responder-console"));
    QApplication::setApplicationVersion(QStringLiteral(CONSULT_VERSION));
    // The Wayland app id (and X11 class hint) that the desktop entry and the kiosk match.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.consultation.responder_console"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Responder console for online consultations"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(
        QStringLiteral("server"),
        QStringLiteral("Server address (ws:// or wss://); repeat for fallback servers."),
        QStringLiteral("url"));
    const QCommandLineOption data(QStringLiteral("data"),
                                  QStringLiteral("Folder for caches and outboxes."),
                                  QStringLiteral("folder"));
    const QCommandLineOption language(QStringLiteral("lang"),
                                      QStringLiteral("Interface language: zh or en (default: the "
                                                     "system's)."),
                                      QStringLiteral("code"));
    const QCommandLineOption user(QStringLiteral("user"),
                                  QStringLiteral("Account to open or offer at sign-in."),
                                  QStringLiteral("name"));
    const QCommandLineOption passwordStdin(
        QStringLiteral("password-stdin"),
        QStringLiteral("Read --user's password from standard input and sign in at once."));
    const QCommandLineOption kiosk(
        QStringLiteral("kiosk"),
        QStringLiteral("Run as a help-desk kiosk: one full-screen window that cannot be left, "
                       "nothing kept after sign-out (see docs/kiosk.md)."));
    const QCommandLineOption kioskConfig(QStringLiteral("kiosk-config"),
                                         QStringLiteral("The kiosk's settings (default %1).")
                                             .arg(QLatin1String(KioskConfig::defaultPath)),
                                         QStringLiteral("file"),
                                         QLatin1String(KioskConfig::defaultPath));
    parser.addOptions({server, data, language, user, passwordStdin, kiosk, kioskConfig});
    parser.process(app);

    ConsoleRoot::Options options;
    if (kioskFolder) {
        const auto config = KioskConfig::load(parser.value(kioskConfig));
        if (!config) {
            std::fprintf(stderr, "%s\n", qPrintable(config.error()));
            return 2;
        }
        // The desk's records of replies given up must be keepable before anyone signs in.
        if (!QDir().mkpath(config->stateFolder) || !QFileInfo(config->stateFolder).isWritable()) {
            std::fprintf(stderr, "--kiosk: the state folder %s cannot be written\n",
                         qPrintable(config->stateFolder));
            return 2;
        }
        options.kiosk = *config;
        options.privateFolder = kioskFolder->path();
        KioskFrame::applyLook(app);
    }

    QLocale locale = QLocale::system();
    if (parser.isSet(language))
        locale = QLocale(parser.value(language));
    else if (options.kiosk && !options.kiosk->language.isEmpty())
        locale = QLocale(options.kiosk->language);
    QLocale::setDefault(locale);
    ConsoleRoot::installTranslations(locale);

    const auto servers = ServerAddress::parseList(parser.values(server).join(u','));
    if (parser.isSet(server) && !servers) {
        std::fprintf(stderr, "not a server address: %s\n", qPrintable(servers.error()));
        return 2;
    }
    if (servers)
        options.servers = *servers;
    options.dataFolder =
        parser.isSet(data) ? QDir(parser.value(data)).absolutePath()
                           : QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    options.settingsPath = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
                           QStringLiteral("/console.ini");
    if (kioskFolder) {
        // Whatever --data says: a shared desk keeps the officer's files only until sign-out.
        options.dataFolder = kioskFolder->filePath(QStringLiteral("data"));
        options.settingsPath = kioskFolder->filePath(QStringLiteral("console.ini"));
    }

    options.user = parser.value(user);
    if (parser.isSet(passwordStdin)) {
        // For scripted checks of an installation: never on the command line, where every
        // user of the machine could read it.
        if (options.user.isEmpty()) {
            std::fprintf(stderr, "--password-stdin needs --user\n");
            return 2;
        }
        std::string line;
        std::getline(std::cin, line);
        options.password = QString::fromStdString(line);
    }

    ConsoleRoot root(options);
    QObject::connect(&root, &ConsoleRoot::quitRequested, &app, &QCoreApplication::exit,
                     Qt::QueuedConnection);
    root.start();
    return app.exec();
}
