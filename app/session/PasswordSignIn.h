#pragma once

#include "app/sync/ProtocolClient.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>
#include <QUrl>

// Why a sign-in did not succeed, in kinds the sign-in dialog can put into plain words.
struct SignInFailure
{
    enum class Kind
    {
        WrongPassword,      // wrong user name or password (the server does not say which)
        Unreachable,        // no server of the list answered
        UnsupportedVersion, // the server speaks another protocol version
        Throttled,          // too many failed attempts; retryAfterMs says how long to wait
        ServerError,        // anything else the server answered
    };
    Kind kind = Kind::ServerError;
    int retryAfterMs = 0;
    QString detail; // the server's own message, for logs and tooltips
};

struct SignedIn
{
    QUrl server; // the one that answered
    QString token;
    QJsonObject principal;
};

// A responder's password sign-in: tries the servers of the list in order until one answers,
// greets it, and sends the user name and password once. The token it gets is handed over to
// the caller, which keeps it in the keychain and resumes with it; this connection is closed.
class PasswordSignIn : public QObject
{
    Q_OBJECT
public:
    explicit PasswordSignIn(QList<QUrl> servers, QObject *parent = nullptr);

    // `versions` is what the client offers in its hello; tests offer others.
    void start(const QString &user, const QString &password,
               const QList<int> &versions = ProtocolVersion::supported());
    void setConnectTimeoutMs(int ms) { m_connectTimer.setInterval(ms); }
    void setSslConfiguration(const QSslConfiguration &tls) { m_client.setSslConfiguration(tls); }

Q_SIGNALS:
    void succeeded(const SignedIn &result);
    void failed(const SignInFailure &failure);

private:
    void tryServer();
    void onOpened();
    void onLoginReply(const Frame &reply);
    void onClosed();
    void fail(SignInFailure failure);

    QList<QUrl> m_servers;
    ProtocolClient m_client;
    QTimer m_connectTimer;
    QString m_user;
    QString m_password;
    QList<int> m_versions;
    int m_index = 0;
    bool m_active = false;
    bool m_opened = false;
};

Q_DECLARE_METATYPE(SignInFailure)
Q_DECLARE_METATYPE(SignedIn)
