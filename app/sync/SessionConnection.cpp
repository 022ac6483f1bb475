#include "SessionConnection.h"

#include "SyncLog.h"
#include "app/protocol/Limits.h"
#include "app/protocol/Methods.h"

#include <QJsonArray>
#include <QPointer>
#include <algorithm>
#include <cmath>

SessionConnection::SessionConnection(QList<QUrl> servers, Backoff backoff, QObject *parent)
    : QObject(parent)
    , m_servers(std::move(servers))
    , m_backoff(backoff)
{
    if (m_backoff.shuffleServers)
        std::shuffle(m_servers.begin(), m_servers.end(), m_random);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &SessionConnection::connectNow);
    m_pingTimer.setInterval(m_backoff.pingIntervalMs);
    connect(&m_pingTimer, &QTimer::timeout, this, &SessionConnection::sendPing);
    m_pongDeadline.setSingleShot(true);
    m_pongDeadline.setInterval(m_backoff.pingTimeoutMs);
    // No answer: drop the connection without waiting for a close frame that will not come.
    connect(&m_pongDeadline, &QTimer::timeout, &m_client, &ProtocolClient::abort);
    m_connectDeadline.setSingleShot(true);
    m_connectDeadline.setInterval(m_backoff.connectTimeoutMs);
    connect(&m_connectDeadline, &QTimer::timeout, &m_client, &ProtocolClient::abort);
    connect(&m_client, &ProtocolClient::opened, this, &SessionConnection::onOpened);
    connect(&m_client, &ProtocolClient::closed, this,
            [this](int code, const QString &) { onClosed(code); });
    connect(&m_client, &ProtocolClient::eventReceived, this,
            [this](const QString &event, const QJsonObject &) {
                if (event == Event::SessionRevoked) {
                    setState(State::SignedOut);
                    Q_EMIT signedOut(QStringLiteral("the session was ended elsewhere"));
                }
            });
}

int SessionConnection::backoffMs(const Backoff &backoff, int attempt)
{
    const double wait = backoff.initialMs * std::pow(2.0, std::min(attempt, 30));
    return static_cast<int>(std::min<double>(wait, backoff.maxMs));
}

int SessionConnection::secondsUntilRetry() const
{
    if (m_state != State::Reconnecting)
        return 0;
    return static_cast<int>((m_retryAt.remainingTime() + 999) / 1000);
}

void SessionConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    if (state != State::Connecting)
        m_connectDeadline.stop();
    if (state == State::Online) {
        m_pingTimer.start();
    } else {
        m_pingTimer.stop();
        m_pongDeadline.stop();
    }
    Q_EMIT stateChanged(state);
}

void SessionConnection::start()
{
    if (m_servers.isEmpty() || m_state == State::Connecting || m_state == State::Online)
        return;
    m_retryTimer.stop();
    m_attempt = 0;
    if (m_token.isEmpty()) {
        setState(State::SignedOut);
        Q_EMIT signedOut(QStringLiteral("no session to resume"));
        return;
    }
    connectNow();
}

void SessionConnection::stop()
{
    m_retryTimer.stop();
    setState(State::Offline);
    m_client.close();
}

void SessionConnection::sendPing()
{
    if (m_pongDeadline.isActive())
        return; // the previous one is still awaited
    m_pongDeadline.start();
    m_client.request(Method::Ping, {},
                     [this, self = QPointer<SessionConnection>(this)](const Frame &) {
                         // Any reply, even an error, shows frames still travel both ways.
                         if (self)
                             m_pongDeadline.stop();
                     });
}

void SessionConnection::retryNow()
{
    if (m_state != State::Reconnecting)
        return;
    m_retryTimer.stop();
    connectNow();
}

void SessionConnection::connectNow()
{
    if (m_state == State::Connecting || m_state == State::Online)
        return;
    setState(State::Connecting);
    m_connectDeadline.start();
    m_client.open(m_servers.at(m_index));
}

QStringList SessionConnection::serverFeatures() const
{
    QStringList features;
    for (const QJsonValue &feature : m_greeting.value(QLatin1String("features")).toArray())
        features << feature.toString();
    return features;
}

void SessionConnection::onOpened()
{
    m_client.hello([this](const Frame &reply) {
        if (reply.type == Frame::Type::Result)
            m_greeting = reply.payload; // answered before the resume below: requests are ordered
        if (reply.type == Frame::Type::Error && reply.errorCode == ErrorCode::UnsupportedVersion) {
            // Retrying cannot help: this client is too old or too new for the server.
            setState(State::SignedOut);
            Q_EMIT signedOut(QStringLiteral("the server speaks another protocol version"));
        }
    });
    m_client.request(
        Method::Resume, {{QStringLiteral("token"), m_token}}, [this](const Frame &reply) {
            if (reply.type == Frame::Type::Result) {
                m_attempt = 0;
                m_principal = reply.payload.value(QLatin1String("principal")).toObject();
                setState(State::Online);
                return;
            }
            if (reply.errorCode == ErrorCode::TokenInvalid ||
                reply.errorCode == ErrorCode::TokenExpired) {
                setState(State::SignedOut);
                Q_EMIT signedOut(reply.errorMessage);
                m_client.close();
            }
            // Anything else (server trouble, a rate limit): drop this connection and try
            // again later, rather than sit connected but signed out.
            m_client.close();
        });
}

void SessionConnection::onClosed(int closeCode)
{
    if (m_state != State::Connecting && m_state != State::Online)
        return; // already handled (a failed attempt may report both an error and a close)
    qCInfo(lcSync) << "connection closed with code" << closeCode;
    if (closeCode == CloseCode::SessionRevoked || closeCode == CloseCode::ProtocolViolation) {
        setState(State::SignedOut);
        Q_EMIT signedOut(closeCode == CloseCode::SessionRevoked
                             ? QStringLiteral("the session was ended elsewhere")
                             : QStringLiteral("the server refused this client"));
        return;
    }
    if (closeCode == CloseCode::RateAbuse)
        m_attempt = 30; // the server asked for less: wait the longest
    retryLater();
}

void SessionConnection::retryLater()
{
    m_index = (m_index + 1) % m_servers.size(); // the next server of the list, if there is one
    std::uniform_real_distribution<double> spread(1.0 - m_backoff.jitter, 1.0 + m_backoff.jitter);
    const int wait = static_cast<int>(backoffMs(m_backoff, m_attempt++) * spread(m_random));
    m_retryAt = QDeadlineTimer(wait);
    m_retryTimer.start(wait);
    qCDebug(lcSync) << "reconnecting in" << wait << "ms";
    setState(State::Reconnecting);
}
