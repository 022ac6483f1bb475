#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

// The real consult-server binary on a free loopback port with a database in a temporary
// folder. Started bounded in time, stopped by process id (SIGTERM, then SIGKILL).
class ServerProcess
{
public:
    explicit ServerProcess(QStringList extraArguments = {});
    ~ServerProcess();

    // dbPath: an existing database to serve (e.g. one made by TestDatabase); empty = a fresh one.
    bool start(const QString &dbPath = {}, int timeoutMs = 60000);
    // SIGTERM and wait; false if it had to be killed or exited with an error.
    bool stop(int timeoutMs = 15000);
    void kill();

    QUrl url() const { return m_url; }
    QString databasePath() const { return m_dbPath; }
    qint64 pid() const { return m_process.processId(); }
    QString log() const { return QString::fromUtf8(m_log); }
    static QString binary();
    // A loopback port free right now: for a server that must come back on the same port.
    static quint16 freePort();

private:
    QTemporaryDir m_dir;
    QStringList m_extra;
    QProcess m_process;
    QString m_dbPath;
    QUrl m_url;
    QByteArray m_log;
};
