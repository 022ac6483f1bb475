#pragma once

#include "RetryPolicy.h"

#include <QObject>
#include <QTimer>

#include <functional>

class ProtocolClient;
struct Frame;

// The one engine behind every durable queue on the client (replies, reply-script changes, and
// next transcription jobs): while the session is online, it asks its courier to start the
// oldest pending item, waits for the server's answer, and hands the answer back: delivered,
// refused for good, or to be tried again after the policy's backoff. One item at a time, so a
// queue's order is the order of writing; a crash or a lost connection leaves the item pending,
// and it goes out again with the same idempotency key.
class DeliveryEngine : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const Frame &reply)>;

    // What a queue knows: its items, how to send one, and what an answer means to it.
    class Courier
    {
    public:
        enum class Start
        {
            Sent,    // a request is on its way; `done` will be called with its answer
            Settled, // the item was settled without the server; start the next at once
            Idle     // nothing pending
        };
        virtual ~Courier() = default;
        virtual Start startNext(const Done &done) = 0;
        virtual void delivered(const Frame &reply) = 0;
        virtual void refused(const Frame &reply) = 0; // RetryPolicy::Verdict::Permanent
    };

    DeliveryEngine(Courier &courier, ProtocolClient &client, RetryPolicy policy = {},
                   QObject *parent = nullptr);

    // The session layer says when the connection is signed in; delivery starts or stops.
    void setOnline(bool online);
    // Something was queued (or set to be retried): deliver it now if idle.
    void wake();
    bool isBusy() const { return m_busy; }
    bool isWaitingToRetry() const { return m_retryTimer.isActive(); }

Q_SIGNALS:
    void drained(); // nothing left to send
    void retryScheduled(int attempt, int delayMs);

private:
    void pump();
    void onAnswer(const Frame &reply);

    Courier &m_courier;
    ProtocolClient &m_client;
    RetryPolicy m_policy;
    QTimer m_retryTimer;
    int m_attempt = 0; // consecutive transient failures of the current item
    bool m_online = false;
    bool m_busy = false;
};
