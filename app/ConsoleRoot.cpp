#include "ConsoleRoot.h"

#include "KioskDesk.h"
#include "app/account/InstanceLock.h"
#include "app/account/Preferences.h"
#include "app/account/ServerAddress.h"
#include "app/account/TranscriptionSettings.h"
#include "app/session/AccountSession.h"
#include "app/session/PasswordSignIn.h"
#include "app/transcription/SpeechEngineRegistry.h"
#include "ui/shell/ConnectionIndicator.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/PreferencesDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace {
const QString serversKey = QStringLiteral("connection/servers");
const QString lastUserKey = QStringLiteral("connection/lastUser");

QList<QUrl> defaultServers()
{
    return {QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(ServerAddress::defaultPort))};
}

QString keychainRefused()
{
    return ConsoleRoot::tr("The system keychain did not keep your password: you will be asked "
                           "to sign in again next time.");
}
} // namespace

ConsoleRoot::ConsoleRoot(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_settings(std::make_unique<QSettings>(m_options.settingsPath, QSettings::IniFormat))
{
    m_servers = m_options.servers;
    if (m_options.kiosk) {
        // A shared desk keeps no secret anywhere, and watches itself for idleness.
        m_credentials.setKeychainUsed(false);
        if (m_servers.isEmpty())
            m_servers = m_options.kiosk->servers;
        m_kiosk = std::make_unique<KioskDesk>(*m_options.kiosk, *qobject_cast<QApplication *>(qApp),
                                              m_options.kioskClock ? m_options.kioskClock
                                                                   : steadyClock());
        connect(m_kiosk.get(), &KioskDesk::idleSignOutRequested, this, [this] {
            if (m_session)
                m_kiosk->signOut([this] { leaveSharedDesk(); }, KioskDesk::Reason::Idle);
        });
    }
    if (m_servers.isEmpty()) {
        const auto remembered = ServerAddress::parseList(m_settings->value(serversKey).toString());
        m_servers = remembered ? *remembered : defaultServers();
    }
}

ConsoleRoot::~ConsoleRoot()
{
    closeSession();
}

bool ConsoleRoot::installTranslations(const QLocale &locale)
{
    // Owned by the application for its lifetime; a failed load leaves the English source text.
    for (const QString &name : {QStringLiteral("qtbase"), QStringLiteral("responder-console")}) {
        auto *translator = new QTranslator(QCoreApplication::instance());
        const QString folder = name == QLatin1String("qtbase")
                                   ? QStringLiteral("/usr/share/qt6/translations")
                                   : QStringLiteral(":/i18n");
        if (translator->load(locale, name, QStringLiteral("_"), folder))
            QCoreApplication::installTranslator(translator);
        else
            delete translator;
    }
    return locale.language() != QLocale::Chinese ||
           !QCoreApplication::translate("SignInDialog", "&Sign in").startsWith(u'&');
}

QString ConsoleRoot::initialUser() const
{
    return m_options.user.isEmpty() ? m_settings->value(lastUserKey).toString() : m_options.user;
}

void ConsoleRoot::start()
{
    const QString lastUser = initialUser();
    if (m_options.password && !lastUser.isEmpty())
        return onSignInRequested({m_servers, lastUser, *m_options.password, false});
    if (lastUser.isEmpty())
        return showSignIn();
    const Account account{m_servers.first(), lastUser};
    m_credentials.read(account, CredentialStore::Secret::Token,
                       [this, account](Expected<QString, CredentialStore::Failure> token) {
                           if (token)
                               return open(account, *token);
                           // Without a keychain the dialog says so beside "Remember".
                           showSignIn();
                       });
}

void ConsoleRoot::showSignIn(const QString &notice, bool offerRemembered)
{
    if (!m_dialog) {
        m_dialog = std::make_unique<SignInDialog>();
        connect(m_dialog.get(), &SignInDialog::signInRequested, this,
                &ConsoleRoot::onSignInRequested);
        connect(m_dialog.get(), &QDialog::rejected, this, [this] {
            if (!m_session)
                Q_EMIT quitRequested(0);
        });
        if (m_kiosk)
            m_dialog->setSharedDesk();
    }
    const QString user = m_session ? m_settings->value(lastUserKey).toString() : initialUser();
    m_dialog->setServers(m_servers);
    m_dialog->setUser(user);
    m_dialog->setNotice(notice);
    m_dialog->setBusy(false);
    m_dialog->forgetPassword();
    // The read also asks whether there is a keychain at all: without one the dialog says so
    // beside the Remember box, where the officer looks, rather than failing silently later.
    const Account remembered{m_servers.first(), user.isEmpty() ? QStringLiteral("-") : user};
    m_credentials.read(
        remembered, CredentialStore::Secret::Password,
        [dialog = QPointer<SignInDialog>(m_dialog.get()),
         offer = offerRemembered &&
                 !user.isEmpty()](Expected<QString, CredentialStore::Failure> password) {
            if (!dialog)
                return;
            dialog->setKeychainAvailable(
                password || password.error().kind != CredentialStore::Failure::Kind::Unavailable);
            if (password && offer)
                dialog->setPassword(*password, true);
        });
    if (m_kiosk) {
        m_kiosk->setWindow(m_dialog.get());
        m_dialog->showFullScreen();
    } else {
        m_dialog->show();
    }
    m_dialog->raise();
    m_dialog->activateWindow();
}

void ConsoleRoot::onSignInRequested(const SignInRequest &request)
{
    // A shared desk whose session the server ended: only that officer signs in again here
    // (anyone else signs the desk out first, which keeps its rules for the replies left).
    if (m_kiosk && m_session && request.user != m_session->account().user) {
        m_dialog->setNotice(tr("Only %1 can sign in again here. To hand the desk over, sign "
                               "in as %1 and sign out.")
                                .arg(m_session->account().user));
        m_dialog->setBusy(false);
        return;
    }
    m_signIn = std::make_unique<PasswordSignIn>(request.servers);
    connect(m_signIn.get(), &PasswordSignIn::succeeded, this,
            [this, request](const SignedIn &result) { onSignedIn(request, result); });
    connect(m_signIn.get(), &PasswordSignIn::failed, this, [this](const SignInFailure &failure) {
        // A sign-in from the command line has no dialog yet: the officer sees why in one.
        if (!m_dialog)
            showSignIn({}, false);
        m_dialog->showFailure(failure);
    });
    m_signIn->start(request.user, request.password);
}

void ConsoleRoot::onSignedIn(const SignInRequest &request, const SignedIn &result)
{
    m_servers = request.servers;
    m_settings->setValue(serversKey, ServerAddress::formatList(m_servers));
    m_settings->setValue(lastUserKey, request.user);
    m_settings->sync();
    const Account account{m_servers.first(), request.user};
    rememberSecrets(account, request, result.token);
    if (m_session && m_session->account().key() == account.key()) {
        // Signed out by the server (expired, revoked): same account, same cache, new token.
        m_session->connection().setToken(result.token);
        m_session->connection().start();
        m_dialog->hide();
        if (m_kiosk)
            m_kiosk->setWindow(m_window.get());
        return;
    }
    closeSession();
    open(account, result.token);
}

void ConsoleRoot::rememberSecrets(const Account &account, const SignInRequest &request,
                                  const QString &token)
{
    // The dialog said so when there was no keychain at all; this is for one that refused
    // what the officer asked it to remember.
    auto warnIfRefused = [this](Expected<Unit, CredentialStore::Failure> done) {
        if (!done && m_window)
            m_window->showNotice(keychainRefused());
    };
    m_credentials.write(account, CredentialStore::Secret::Token, token, [](auto) {});
    if (request.remember) {
        m_credentials.write(account, CredentialStore::Secret::Password, request.password,
                            warnIfRefused);
        return;
    }
    // Not remembered this time: a password remembered before goes, the new token stays.
    m_credentials.remove(account, CredentialStore::Secret::Password, [](auto) {});
}

void ConsoleRoot::applyTranscription(const std::optional<QString> &typedKey)
{
    if (!m_session)
        return;
    // Voice to text with the engine the settings name (PocketSphinx, offline, by default) when
    // its model fits the language the voice messages are spoken in; its own settings (a model
    // folder, say) under [transcription] too.
    if (!m_speechEngines) {
        m_speechEngines = std::make_unique<SpeechEngineRegistry>();
        m_speechEngines->scan(SpeechEngineRegistry::defaultFolders());
    }
    const TranscriptionSettings chosen = TranscriptionSettings::load(*m_settings);
    const auto apply = [this, chosen](const QString &key) {
        if (!m_session)
            return;
        const QVariantMap settings = chosen.engineSettings(key);
        QString why = QStringLiteral("turned off in the preferences");
        const SpeechEngineFactory *engine =
            chosen.runsLocally() ? m_speechEngines->choose(settings, &why) : nullptr;
        if (!engine)
            qInfo("voice messages are not turned into text here: %s", qPrintable(why));
        m_session->setSpeechEngine(engine, settings);
        // Any installed engine may be tried on one clip, made with the same settings.
        QList<Transcriber::Alternative> alternatives;
        for (const SpeechEngineInfo &info : m_speechEngines->engines()) {
            if (info.id == QLatin1String("speech-segmenter"))
                continue; // finds where speech is; writes no text
            TranscriptionSettings tried = chosen;
            tried.choice = TranscriptionSettings::Choice::Local;
            tried.engine = info.id;
            alternatives << Transcriber::Alternative{m_speechEngines->factory(info.id),
                                                     tried.engineSettings(key)};
        }
        m_session->setSpeechAlternatives(alternatives);
    };
    apply(typedKey.value_or(QString()));
    // The key is read from the keychain (asynchronously) for any choice, so the preferences
    // can say whether one is kept.
    m_credentials.read(
        m_session->account(), CredentialStore::Secret::TranscriptionKey,
        [this, apply, typedKey](const Expected<QString, CredentialStore::Failure> &key) {
            m_hasTranscriptionKey = key.hasValue() || typedKey.has_value();
            if (key && !typedKey)
                apply(*key);
        });
}

void ConsoleRoot::open(const Account &account, const QString &token)
{
    m_lock = std::make_unique<InstanceLock>(account.folder(m_options.dataFolder));
    if (!m_lock->acquire()) {
        Q_EMIT quitRequested(0); // the running instance has been asked to come forward
        return;
    }
    m_session = std::make_unique<AccountSession>(account, m_options.dataFolder, m_servers);
    applyTranscription();
    if (!m_window) {
        m_window = std::make_unique<MainWindow>();
        connect(m_window.get(), &MainWindow::signOutRequested, this, &ConsoleRoot::signOut);
        connect(m_window.get(), &MainWindow::signInRequested, this,
                [this] { showSignIn(tr("Your session has ended. Sign in again to continue.")); });
        connect(m_window.get(), &MainWindow::preferencesRequested, this, [this] {
            PreferencesDialog dialog(Preferences::load(*m_settings),
                                     new TranscriptionBox(TranscriptionSettings::load(*m_settings),
                                                          m_speechEngines->engines(),
                                                          m_hasTranscriptionKey),
                                     m_window.get());
            if (dialog.exec() != QDialog::Accepted)
                return;
            dialog.preferences().save(*m_settings);
            m_window->applyPreferences(dialog.preferences());
            dialog.transcription().settings().save(*m_settings);
            if (const auto key = dialog.transcription().newKey(); key && m_session) {
                m_credentials.write(
                    m_session->account(), CredentialStore::Secret::TranscriptionKey, *key,
                    [this](const Expected<Unit, CredentialStore::Failure> &done) {
                        if (!done && m_window)
                            m_window->showNotice(tr("The transcription service's key could not "
                                                    "be kept: %1")
                                                     .arg(done.error().message));
                    });
            }
            applyTranscription(dialog.transcription().newKey());
        });
        Preferences preferences = Preferences::load(*m_settings);
        if (m_kiosk) {
            m_window->setSharedDesk(m_kiosk->config().exportFolder);
            preferences.newDeviceFirst = true; // the headset someone plugs in is the one used
        }
        m_window->applyPreferences(preferences);
    }
    connect(m_lock.get(), &InstanceLock::raiseRequested, m_window.get(), [this] {
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    });
    connect(m_session.get(), &AccountSession::signedOut, m_window.get(), [this] {
        m_window->showNotice(tr("Your session has ended. Cached consultations stay readable; "
                                "sign in again to continue."));
    });
    // Started first: the window's views use the outbox, which start() opens.
    const auto started = m_session->start(token);
    if (m_dialog)
        m_dialog->hide();
    if (m_kiosk) {
        m_kiosk->setWindow(m_window.get());
        m_window->showFullScreen();
        m_kiosk->attach(*m_session);
    } else {
        m_window->show();
    }
    if (!started) {
        m_window->showNotice(tr("The account's files cannot be opened: %1").arg(started.error()));
        return;
    }
    m_window->setSession(m_session.get());
}

void ConsoleRoot::signOut()
{
    if (!m_session)
        return;
    if (m_kiosk)
        return m_kiosk->signOut([this] { leaveSharedDesk(); });
    const Account account = m_session->account();
    // The window goes at once: nothing of this officer stays on screen while the server and
    // the keychain answer.
    if (m_window)
        m_window->hide();
    m_session->signOut([this, account](bool) {
        m_credentials.forget(account, [](auto) {});
        // Deferred: this runs inside a reply handler of the session's own connection.
        QMetaObject::invokeMethod(
            this,
            [this] {
                closeSession();
                // An explicit sign-out: the dialog offers no remembered password (the keychain
                // is being emptied), so Sign in without typing signs nobody in.
                showSignIn({}, false);
            },
            Qt::QueuedConnection);
    });
}

void ConsoleRoot::leaveSharedDesk()
{
    if (m_window)
        m_window->hide();
    const auto finish = [this] {
        m_kiosk->detach();
        closeSession();
        // Nothing of the officer stays: not what they copied, not a file; the next person
        // gets a fresh process (the kiosk service starts the console again).
        QGuiApplication::clipboard()->clear();
        if (!m_options.privateFolder.isEmpty())
            QDir(m_options.privateFolder).removeRecursively();
        Q_EMIT quitRequested(0);
    };
    m_session->signOut([this, finish](bool) {
        // Deferred: this runs inside a reply handler of the session's own connection.
        QMetaObject::invokeMethod(this, finish, Qt::QueuedConnection);
    });
}

void ConsoleRoot::closeSession()
{
    if (m_window)
        m_window->setSession(nullptr);
    m_session.reset();
    m_lock.reset();
}
