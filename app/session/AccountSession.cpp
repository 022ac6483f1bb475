#include "AccountSession.h"

#include "CacheSync.h"
#include "CacheWorker.h"
#include "Methods.h"
#include "OutboxSender.h"
#include "OutboxStore.h"

#include <QDir>
#include <QPointer>

AccountSession::AccountSession(Account account, QString dataFolder, QList<QUrl> servers,
                               SessionConnection::Backoff backoff, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_folder(std::move(dataFolder))
    , m_connection(std::make_unique<SessionConnection>(std::move(servers), backoff))
{
    m_cacheThread.setObjectName(QStringLiteral("cache"));
    m_worker = new CacheWorker(cachePath());
    m_worker->moveToThread(&m_cacheThread);
    connect(&m_cacheThread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &CacheWorker::opened, this, [this](const QString &reason) {
        Q_EMIT cacheOpened(reason);
        // Damage inside pages shows only when they are read: look at all of them once, in the
        // background, while the officer already works.
        QMetaObject::invokeMethod(m_worker, &CacheWorker::checkIntegrity);
    });
    connect(m_worker, &CacheWorker::replaced, this, [this](const QString &reason) {
        Q_EMIT cacheReplaced(reason);
        if (m_connection->state() == SessionConnection::State::Online)
            m_sync->restart();
    });
    m_sync = std::make_unique<CacheSync>(m_connection->client(), *m_worker);
    connect(m_sync.get(), &CacheSync::progress, this, &AccountSession::syncProgress);
    connect(m_sync.get(), &CacheSync::finished, this, &AccountSession::syncFinished);
    connect(m_connection.get(), &SessionConnection::stateChanged, this,
            &AccountSession::onStateChanged);
    connect(m_connection.get(), &SessionConnection::signedOut, this, &AccountSession::signedOut);
    m_cacheThread.start();
}

AccountSession::~AccountSession()
{
    m_sender.reset();
    m_connection->stop();
    m_sync.reset();
    m_cacheThread.quit();
    m_cacheThread.wait();
}

QString AccountSession::cachePath() const
{
    return m_account.cachePath(m_folder);
}

Expected<Unit, QString> AccountSession::start(const QString &token)
{
    if (!QDir().mkpath(m_account.folder(m_folder)))
        return QStringLiteral("cannot create the folder %1").arg(m_account.folder(m_folder));
    auto outbox = OutboxStore::open(m_account.outboxPath(m_folder));
    if (!outbox)
        return outbox.error();
    m_outbox = std::move(outbox.value());
    m_sender = std::make_unique<OutboxSender>(*m_outbox, m_connection->client());
    // Failures other than damage (a full disk) are for the status line; sync retries later.
    connect(m_worker, &CacheWorker::failed, this, &AccountSession::cacheFailed);
    QMetaObject::invokeMethod(m_worker, &CacheWorker::open);
    m_connection->setToken(token);
    m_connection->start();
    return Unit{};
}

void AccountSession::onStateChanged(SessionConnection::State state)
{
    const bool online = state == SessionConnection::State::Online;
    if (m_sender)
        m_sender->setOnline(online);
    if (online)
        m_sync->start();
    Q_EMIT stateChanged(state);
}

void AccountSession::signOut(std::function<void(bool revoked)> done)
{
    auto finish = [self = QPointer<AccountSession>(this), done](bool revoked) {
        if (self) {
            self->m_sync->stop();
            self->m_connection->stop();
        }
        done(revoked);
    };
    if (m_connection->state() != SessionConnection::State::Online)
        return finish(false);
    m_connection->client().request(Method::Logout, {}, [finish](const Frame &reply) {
        finish(reply.type == Frame::Type::Result);
    });
}
