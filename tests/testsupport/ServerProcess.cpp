#include "ServerProcess.h"

#include <QTcpServer>

#include <QDeadlineTimer>
#include <QtTest>
#include <csignal>

ServerProcess::ServerProcess(QStringList extraArguments)
    : m_extra(std::move(extraArguments))
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
}

ServerProcess::~ServerProcess()
{
    kill();
}

QString ServerProcess::binary()
{
    return qEnvironmentVariable("CONSULT_SERVER_BIN");
}

bool ServerProcess::start(const QString &dbPath, int timeoutMs)
{
    m_dbPath = dbPath.isEmpty() ? m_dir.filePath(QStringLiteral("server.sqlite")) : dbPath;
    QStringList args{QStringLiteral("--listen"), QStringLiteral("127.0.0.1"),
                     QStringLiteral("--port"),   QStringLiteral("0"),
                     QStringLiteral("--db"),     m_dbPath};
    args += m_extra;
    QObject::connect(&m_process, &QProcess::readyReadStandardError,
                     [this] { m_log += m_process.readAllStandardError(); });
    m_process.start(binary(), args);
    if (!m_process.waitForStarted(10000))
        return false;
    const QDeadlineTimer deadline(timeoutMs);
    QByteArray out;
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(100);
        out += m_process.readAllStandardOutput();
        const int at = out.indexOf("listening ");
        if (at >= 0 && out.indexOf('\n', at) > at) {
            m_url = QUrl(
                QString::fromUtf8(out.mid(at + 10, out.indexOf('\n', at) - at - 10)).trimmed());
            return m_url.isValid();
        }
    }
    qWarning().noquote() << "server did not start:" << log();
    return false;
}

bool ServerProcess::stop(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitCode() == 0;
    ::kill(static_cast<pid_t>(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(timeoutMs)) {
        kill();
        return false;
    }
    m_log += m_process.readAllStandardError();
    return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
}

void ServerProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(5000);
}

quint16 ServerProcess::freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}
