#pragma once

#include "Account.h"
#include "app/core/Expected.h"

#include <QObject>
#include <functional>

// Session tokens (and passwords, only when the user asks to be remembered) in the operating
// system's keychain through QtKeychain: the Secret Service on Linux. Never in a file: the
// library's plaintext fallback is switched off, so without a keychain nothing is stored and
// the caller says so instead.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    enum class Secret
    {
        Token,
        Password,
        TranscriptionKey, // the HTTP transcription service's API key
    };
    struct Failure
    {
        enum class Kind
        {
            NotFound,
            Unavailable,
            Other
        };
        Kind kind;
        QString message;
    };
    using Done = std::function<void(Expected<Unit, Failure>)>;
    using Read = std::function<void(Expected<QString, Failure>)>;

    explicit CredentialStore(QString service = QStringLiteral("responder-console"),
                             QObject *parent = nullptr);

    // A shared desk (the kiosk) keeps no secret anywhere: every read and write then answers
    // Unavailable, and removing finds nothing, without touching the keychain.
    void setKeychainUsed(bool used) { m_keychainUsed = used; }
    bool isKeychainUsed() const { return m_keychainUsed; }

    void write(const Account &account, Secret secret, const QString &value, Done done);
    void read(const Account &account, Secret secret, Read done);
    // Deletes one entry; a missing entry is not an error.
    void remove(const Account &account, Secret secret, Done done);
    // Deletes the token and the password (signing out); the transcription key stays.
    void forget(const Account &account, Done done);

private:
    QString entry(const Account &account, Secret secret) const;

    // Answers `done` from the event loop, as a keychain job would.
    template<typename Callback, typename Answer> void answerLater(Callback done, Answer answer);

    QString m_service;
    bool m_keychainUsed = true;
};
