#pragma once

#include "app/account/Account.h"
#include "app/account/CredentialStore.h"
#include "app/kiosk/KioskClock.h"
#include "app/kiosk/KioskConfig.h"
#include "ui/signin/SignInDialog.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <memory>
#include <optional>

class AccountSession;
class InstanceLock;
class KioskDesk;
class MainWindow;
class PasswordSignIn;
class QLocale;
class QSettings;
class SpeechEngineRegistry;

// The composition root: the one place that creates the libraries' objects and the windows and
// wires them together. It decides what the officer sees first (the last account resumed from
// its keychain token, with or without a server; otherwise the sign-in dialog), keeps the
// keychain and the settings current, and signs out.
class ConsoleRoot : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QList<QUrl> servers;  // from the command line; empty: the remembered ones, or the default
        QString dataFolder;   // per-user data location: caches and outboxes
        QString settingsPath; // an INI file: server addresses and the last user, never secrets
        QString user;         // --user: the account to open or offer, instead of the last one
        std::optional<QString> password; // --password-stdin: sign in at once, without the dialog
        // --kiosk: a help-desk kiosk (docs/kiosk.md) with these settings; nothing is kept, and
        // `privateFolder` (which holds the data folder and the settings) goes at sign-out.
        std::optional<KioskConfig> kiosk;
        QString privateFolder;
        KioskClock kioskClock; // empty: the steady clock; tests drive their own
    };

    explicit ConsoleRoot(Options options, QObject *parent = nullptr);
    ~ConsoleRoot() override;

    void start();

    // Simplified Chinese on a zh locale, English otherwise; the translations are built in.
    static bool installTranslations(const QLocale &locale);

    SignInDialog *signInDialog() const { return m_dialog.get(); }
    MainWindow *mainWindow() const { return m_window.get(); }
    AccountSession *session() const { return m_session.get(); }
    KioskDesk *kiosk() const { return m_kiosk.get(); }

Q_SIGNALS:
    // The officer quit, or another instance already runs this account (and was raised).
    void quitRequested(int exitCode);

private:
    // `offerRemembered`: fill in the password the keychain remembers for the last user.
    void showSignIn(const QString &notice = {}, bool offerRemembered = true);
    void onSignInRequested(const SignInRequest &request);
    void onSignedIn(const SignInRequest &request, const SignedIn &result);
    void rememberSecrets(const Account &account, const SignInRequest &request,
                         const QString &token);
    void open(const Account &account, const QString &token);
    // The transcription preferences to the session's engine; the HTTP service's key from the
    // keychain, or `typedKey` just entered.
    void applyTranscription(const std::optional<QString> &typedKey = std::nullopt);
    void signOut();
    // The kiosk's sign-out, once the outbox let the officer go: nothing of them stays.
    void leaveSharedDesk();
    void closeSession();
    QString initialUser() const;

    Options m_options;
    std::unique_ptr<QSettings> m_settings;
    QList<QUrl> m_servers;
    CredentialStore m_credentials;
    std::unique_ptr<SignInDialog> m_dialog;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<PasswordSignIn> m_signIn;
    std::unique_ptr<InstanceLock> m_lock;
    std::unique_ptr<AccountSession> m_session;
    std::unique_ptr<SpeechEngineRegistry> m_speechEngines; // scanned at the first sign-in
    bool m_hasTranscriptionKey = false;
    std::unique_ptr<KioskDesk> m_kiosk;
};
