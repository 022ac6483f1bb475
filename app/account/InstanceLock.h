#pragma once

#include <QLockFile>
#include <QObject>
#include <memory>

class QLocalServer;

// One running client per account and machine. The first instance holds a lock file in the
// account's folder and listens on a local socket; a second instance for the same account does
// not open the cache twice: it asks the first to come to the front and then quits. A lock left
// by a crashed instance is taken over (QLockFile checks whether its process is alive).
class InstanceLock : public QObject
{
    Q_OBJECT
public:
    explicit InstanceLock(const QString &accountFolder, QObject *parent = nullptr);
    ~InstanceLock() override;

    // True: this is the first instance. False: another one runs and has been asked to raise
    // its window.
    bool acquire();

Q_SIGNALS:
    void raiseRequested(); // another start for this account: bring the window forward

private:
    QString socketName() const;

    QString m_folder;
    QLockFile m_lock;
    std::unique_ptr<QLocalServer> m_server;
};
