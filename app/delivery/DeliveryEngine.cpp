#include "DeliveryEngine.h"

#include "app/protocol/Frame.h"
#include "app/sync/ProtocolClient.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcDelivery, "consult.delivery")

DeliveryEngine::DeliveryEngine(Courier &courier, ProtocolClient &client, RetryPolicy policy,
                               QObject *parent)
    : QObject(parent)
    , m_courier(courier)
    , m_client(client)
    , m_policy(policy)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &DeliveryEngine::pump);
}

void DeliveryEngine::setOnline(bool online)
{
    m_online = online;
    if (!online)
        return;
    m_attempt = 0; // a fresh connection: no reason to keep waiting long
    m_retryTimer.stop();
    pump();
}

void DeliveryEngine::wake()
{
    pump();
}

void DeliveryEngine::pump()
{
    while (m_online && !m_busy && !m_retryTimer.isActive()) {
        m_busy = true; // before anything that could call back into pump()
        // The client outlives this engine; an answer after the engine is gone is dropped, and
        // the item, still pending, goes out again with the same key next time.
        QPointer<DeliveryEngine> self(this);
        const auto start = m_courier.startNext([self](const Frame &reply) {
            if (self)
                self->onAnswer(reply);
        });
        if (start == Courier::Start::Sent) {
            m_client.flush();
            return;
        }
        m_busy = false;
        if (start == Courier::Start::Idle) {
            Q_EMIT drained();
            return;
        }
    }
}

void DeliveryEngine::onAnswer(const Frame &reply)
{
    m_busy = false;
    if (reply.type == Frame::Type::Result) {
        m_attempt = 0;
        m_courier.delivered(reply);
        pump();
        return;
    }
    auto verdict = RetryPolicy::classify(reply.errorCode);
    // An answer made up for a connection that closed says nothing about the item: wait for
    // the session to come back rather than count it as a failure.
    if (verdict == RetryPolicy::Verdict::Transient && !m_client.isOpen())
        verdict = RetryPolicy::Verdict::NeedsSignIn;
    switch (verdict) {
    case RetryPolicy::Verdict::Permanent:
        m_attempt = 0;
        m_courier.refused(reply);
        pump();
        return;
    case RetryPolicy::Verdict::NeedsSignIn:
        m_online = false; // stays pending; resent with the same key once signed in again
        return;
    case RetryPolicy::Verdict::Transient: {
        ++m_attempt;
        const int delay =
            m_policy.delayMs(m_attempt, reply, QRandomGenerator::global()->generateDouble());
        qCDebug(lcDelivery) << "retry" << m_attempt << "in" << delay << "ms:" << reply.errorMessage;
        m_retryTimer.start(delay);
        Q_EMIT retryScheduled(m_attempt, delay);
        return;
    }
    }
}
