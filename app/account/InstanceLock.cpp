#include "InstanceLock.h"

#include "AccountLog.h"
#include <QCryptographicHash>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>

InstanceLock::InstanceLock(const QString &accountFolder, QObject *parent)
    : QObject(parent)
    , m_folder(accountFolder)
    , m_lock(accountFolder + QStringLiteral("/instance.lock"))
{
    m_lock.setStaleLockTime(0); // only a dead holder makes the lock stale, never its age
}

InstanceLock::~InstanceLock() = default;

QString InstanceLock::socketName() const
{
    // Socket names have a short length limit; the folder's hash is unique enough.
    return QStringLiteral("responder-console-") +
           QString::fromLatin1(QCryptographicHash::hash(m_folder.toUtf8(), QCryptographicHash::Sha1)
                                   .toHex()
                                   .left(16));
}

bool InstanceLock::acquire()
{
    QDir().mkpath(m_folder);
    if (m_lock.tryLock(0)) {
        QLocalServer::removeServer(socketName()); // a leftover of a crashed instance
        m_server = std::make_unique<QLocalServer>();
        m_server->setSocketOptions(QLocalServer::UserAccessOption);
        connect(m_server.get(), &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket *peer = m_server->nextPendingConnection()) {
                peer->deleteLater();
                Q_EMIT raiseRequested();
            }
        });
        // Without the socket a second start still refuses to open the cache; it just cannot
        // bring this window forward.
        if (!m_server->listen(socketName()))
            qCWarning(lcAccount) << "instance lock: cannot listen on" << socketName() << ":"
                                 << m_server->errorString();
        return true;
    }
    if (m_lock.error() != QLockFile::LockFailedError) {
        // The folder is not writable or similar: no second instance is known to exist, so run,
        // without the guard, rather than quit with nothing on screen.
        return true;
    }
    QLocalSocket first;
    first.connectToServer(socketName());
    first.waitForConnected(2000);
    first.disconnectFromServer();
    return false;
}
