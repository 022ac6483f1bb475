#pragma once

#include "ProtocolClient.h"

#include <QDeadlineTimer>
#include <QList>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <random>

struct ReconnectBackoff
{
    int initialMs = 1000;
    int maxMs = 60000;
    double jitter = 0.25; // each wait is scaled by a random factor in [1 - jitter, 1 + jitter]
    // While online, a `ping` this often; no answer within pingTimeoutMs and the connection is
    // taken for dead (a half-open TCP connection after a network change shows no error for
    // minutes, and the officer would see "online" while nothing arrives).
    int pingIntervalMs = 25000;
    int pingTimeoutMs = 10000;
    // From opening the socket to signed in; a server that accepts but never answers (or a
    // route that swallows the handshake) counts as a failed attempt after this long.
    int connectTimeoutMs = 15000;
    // Each console goes through the server list in an order of its own (a random permutation):
    // the consoles of an office spread over the nodes, and when one node dies its consoles
    // move to the others evenly instead of all to the next address. False keeps the list's
    // order (a list whose first address must be preferred).
    bool shuffleServers = true;
};

// Keeps one signed-in connection to a server of a list (the nodes of one deployment) that
// answers: connects, greets, resumes the session with its token, and when the connection is
// lost tries again by itself, moving along the list (in an order of its own, see
// ReconnectBackoff::shuffleServers), waiting longer each time (capped, with jitter so that a whole
// office does not reconnect in the same instant after an outage). Its state is what a status bar
// shows; nothing here ever blocks or asks the user.
class SessionConnection : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Offline,      // not started, or stopped
        Connecting,   // a connection attempt is under way
        Online,       // signed in
        Reconnecting, // waiting secondsUntilRetry() before the next attempt
        SignedOut,    // the token was refused; needs the user to sign in again
    };
    Q_ENUM(State)

    using Backoff = ReconnectBackoff;

    explicit SessionConnection(QList<QUrl> servers, Backoff backoff = {},
                               QObject *parent = nullptr);

    void setToken(const QString &token) { m_token = token; }
    void start();
    void stop();
    // Reconnecting: try now instead of waiting out the backoff (the user asked).
    void retryNow();

    State state() const { return m_state; }
    int secondsUntilRetry() const;
    QUrl currentServer() const { return m_servers.value(m_index); }
    QJsonObject principal() const { return m_principal; }
    // The hello result of the current connection: the optional parts of the protocol the server
    // offers ("features") and, when it transcribes voice itself, "transcription".
    QStringList serverFeatures() const;
    QJsonObject serverTranscription() const
    {
        return m_greeting.value(QLatin1String("transcription")).toObject();
    }
    ProtocolClient &client() { return m_client; }

    // The wait before attempt `attempt` (0-based), without jitter.
    static int backoffMs(const Backoff &backoff, int attempt);

Q_SIGNALS:
    void stateChanged(SessionConnection::State state);
    void signedOut(const QString &reason);

private:
    void connectNow();
    void onOpened();
    void onClosed(int closeCode);
    void retryLater();
    void setState(State state);
    void sendPing();

    QList<QUrl> m_servers;
    Backoff m_backoff;
    ProtocolClient m_client;
    QTimer m_retryTimer;
    QTimer m_pingTimer;
    QTimer m_pongDeadline;
    QTimer m_connectDeadline;
    QDeadlineTimer m_retryAt;
    QString m_token;
    QJsonObject m_principal;
    QJsonObject m_greeting;
    State m_state = State::Offline;
    int m_index = 0;
    int m_attempt = 0;
    std::mt19937 m_random{std::random_device{}()};
};
