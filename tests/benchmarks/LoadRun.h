#pragma once

#include "Percentile.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QUrl>
#include <functional>

class ProtocolClient;
class QWebSocket;

// Sends text messages from many connections at an offered rate (open loop) or with a fixed
// number in flight per connection (closed loop), and records when each one was acknowledged
// and when it reached its receiver.
class LoadRun : public QObject
{
    Q_OBJECT
public:
    struct Sender
    {
        QWebSocket *socket = nullptr;
        std::function<QString(const QString &key)> frame; // the text frame for one message
        int inFlight = 0;
    };
    struct Figures
    {
        double persistedPerSecond = 0;
        double p50Ms = 0;
        double p99Ms = 0;
        int sent = 0;
        int acknowledged = 0;
        int delivered = 0;
    };

    explicit LoadRun(QList<Sender> senders)
        : m_senders(std::move(senders))
    {}

    // Called by whoever reads the wire: a message was acknowledged / reached its receiver.
    void acknowledged(int sender, const QString &key);
    void delivered(const QString &key);

    Figures openLoop(double messagesPerSecond, int seconds);
    Figures closedLoop(int window, int seconds);

private:
    void send(int sender);
    Figures figures(qint64 elapsedMs) const;

    QList<Sender> m_senders;
    QElapsedTimer m_clock;
    QHash<QString, qint64> m_sentAtNs; // not yet delivered
    QSet<QString> m_unacknowledged;
    QList<double> m_latenciesMs;
    qint64 m_lastAckNs = 0;
    int m_sent = 0;
    int m_acknowledged = 0;
    int m_window = 0;
    quint64 m_nextKey = 0;
};

qint64 peakResidentKiB(qint64 pid);
