#include "LoadRun.h"

#include <QCoreApplication>
#include <QFile>
#include <QTimer>
#include <QWebSocket>
#include <algorithm>
#include <cmath>

qint64 peakResidentKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return 0;
}

void LoadRun::send(int sender)
{
    const QString key = QStringLiteral("b%1").arg(m_nextKey++);
    m_sentAtNs.insert(key, m_clock.nsecsElapsed());
    m_unacknowledged.insert(key);
    Sender &s = m_senders[sender];
    ++s.inFlight;
    ++m_sent;
    s.socket->sendTextMessage(s.frame(key));
}

void LoadRun::acknowledged(int sender, const QString &key)
{
    if (!m_unacknowledged.remove(key))
        return; // left over from an earlier phase
    ++m_acknowledged;
    m_lastAckNs = m_clock.nsecsElapsed();
    Sender &s = m_senders[sender];
    --s.inFlight;
    if (m_window > 0 && s.inFlight < m_window)
        send(sender);
}

void LoadRun::delivered(const QString &key)
{
    const auto it = m_sentAtNs.constFind(key);
    if (it == m_sentAtNs.cend())
        return;
    m_latenciesMs << (m_clock.nsecsElapsed() - it.value()) / 1e6;
    m_sentAtNs.erase(it);
}

LoadRun::Figures LoadRun::figures(qint64 elapsedMs) const
{
    Figures f;
    f.sent = m_sent;
    f.acknowledged = m_acknowledged;
    f.delivered = static_cast<int>(m_latenciesMs.size());
    f.persistedPerSecond = m_acknowledged * 1000.0 / std::max<qint64>(1, elapsedMs);
    f.p50Ms = percentile(m_latenciesMs, 50);
    f.p99Ms = percentile(m_latenciesMs, 99);
    return f;
}

LoadRun::Figures LoadRun::openLoop(double messagesPerSecond, int seconds)
{
    m_window = 0;
    m_clock.start();
    double owed = 0;
    int next = 0;
    qint64 lastTickNs = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = m_clock.nsecsElapsed();
        owed += messagesPerSecond * (now - lastTickNs) / 1e9;
        lastTickNs = now;
        for (; owed >= 1; owed -= 1) {
            send(next);
            next = (next + 1) % static_cast<int>(m_senders.size());
        }
    });
    ticker.start(1);
    while (m_clock.elapsed() < seconds * 1000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    ticker.stop();
    // Let what was sent arrive before taking the figures; the rate counts until the last ack.
    const qint64 drainUntil = m_clock.elapsed() + 30000;
    while (m_acknowledged < m_sent && m_clock.elapsed() < drainUntil)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return figures(m_lastAckNs / 1000000);
}

LoadRun::Figures LoadRun::closedLoop(int window, int seconds)
{
    m_window = window;
    m_clock.start();
    for (int i = 0; i < m_senders.size(); ++i) {
        for (int w = 0; w < window; ++w)
            send(i);
    }
    while (m_clock.elapsed() < seconds * 1000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    m_window = 0;
    const qint64 elapsed = m_clock.elapsed();
    const qint64 drainUntil = elapsed + 30000;
    while (m_acknowledged < m_sent && m_clock.elapsed() < drainUntil)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return figures(m_lastAckNs / 1000000);
}
