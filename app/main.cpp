// The responder console: signs in (or resumes the last account from the keychain), keeps the
// local cache in sync and delivers replies. See README.md for the options.
#include "ConsoleRoot.h"
#include "app/account/ServerAddress.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLocale>
#include <QStandardPaths>
#include <iostream>
#include <string>

int main(int argc, char *argv[])
{
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
    parser.addOptions({server, data, language, user, passwordStdin});
    parser.process(app);

    QLocale locale = QLocale::system();
    if (parser.isSet(language))
        locale = QLocale(parser.value(language));
    QLocale::setDefault(locale);
    ConsoleRoot::installTranslations(locale);

    ConsoleRoot::Options options;
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
