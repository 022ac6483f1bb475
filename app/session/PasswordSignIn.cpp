#include "PasswordSignIn.h"

#include "app/protocol/Methods.h"

PasswordSignIn::PasswordSignIn(QList<QUrl> servers, QObject *parent)
    : QObject(parent)
    , m_servers(std::move(servers))
{
    // A server behind a dead route can take minutes to time out at the TCP level.
    m_connectTimer.setSingleShot(true);
    m_connectTimer.setInterval(8000);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] { m_client.close(); });
    connect(&m_client, &ProtocolClient::opened, this, &PasswordSignIn::onOpened);
    connect(&m_client, &ProtocolClient::closed, this, &PasswordSignIn::onClosed);
}

void PasswordSignIn::start(const QString &user, const QString &password, const QList<int> &versions)
{
    m_user = user;
    m_password = password;
    m_versions = versions;
    m_index = 0;
    m_active = true;
    if (m_servers.isEmpty())
        return fail({SignInFailure::Kind::Unreachable, 0, QStringLiteral("no server address")});
    tryServer();
}

void PasswordSignIn::tryServer()
{
    m_opened = false;
    m_connectTimer.start();
    m_client.open(m_servers.at(m_index));
}

void PasswordSignIn::onOpened()
{
    m_connectTimer.stop();
    m_opened = true;
    m_client.hello(
        [this](const Frame &reply) {
            if (reply.type == Frame::Type::Error &&
                reply.errorCode == ErrorCode::UnsupportedVersion)
                fail({SignInFailure::Kind::UnsupportedVersion, 0, reply.errorMessage});
        },
        m_versions);
    m_client.request(Method::Login,
                     {{QStringLiteral("user"), m_user}, {QStringLiteral("password"), m_password}},
                     [this](const Frame &reply) { onLoginReply(reply); });
}

void PasswordSignIn::onLoginReply(const Frame &reply)
{
    if (!m_active)
        return;
    if (reply.type == Frame::Type::Result) {
        m_active = false;
        m_password.clear();
        const SignedIn result{m_servers.at(m_index),
                              reply.payload.value(QLatin1String("token")).toString(),
                              reply.payload.value(QLatin1String("principal")).toObject()};
        m_client.close();
        Q_EMIT succeeded(result);
        return;
    }
    switch (reply.errorCode) {
    case ErrorCode::InvalidCredentials:
        return fail({SignInFailure::Kind::WrongPassword, 0, reply.errorMessage});
    case ErrorCode::Throttled:
    case ErrorCode::RateLimited:
        return fail({SignInFailure::Kind::Throttled,
                     reply.payload.value(QLatin1String("retryAfterMs")).toInt(),
                     reply.errorMessage});
    case ErrorCode::UnsupportedVersion:
    case ErrorCode::HandshakeRequired:
        return fail({SignInFailure::Kind::UnsupportedVersion, 0, reply.errorMessage});
    default:
        // "connection lost" arrives here too; onClosed decides what that means.
        if (m_client.isOpen())
            fail({SignInFailure::Kind::ServerError, 0, reply.errorMessage});
    }
}

void PasswordSignIn::onClosed()
{
    m_connectTimer.stop();
    if (!m_active)
        return;
    if (!m_opened && m_index + 1 < m_servers.size()) {
        ++m_index; // this one did not answer: the next of the list
        tryServer();
        return;
    }
    fail({SignInFailure::Kind::Unreachable, 0,
          m_opened ? QStringLiteral("the connection was lost")
                   : QStringLiteral("no server of the list answered")});
}

void PasswordSignIn::fail(SignInFailure failure)
{
    if (!m_active)
        return;
    m_active = false;
    m_password.clear();
    m_client.close();
    Q_EMIT failed(failure);
}
