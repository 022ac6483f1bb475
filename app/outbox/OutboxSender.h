#pragma once

#include "OutboxStore.h"
#include "app/delivery/DeliveryEngine.h"

#include <QObject>

class ProtocolClient;
struct Frame;

// Delivers the outbox over a signed-in connection, one reply at a time, oldest first: mark it
// sending, send it with its clientMsgId, and mark it sent only once the server's
// acknowledgement (sent after its commit) arrives. Whatever happens in between (the
// connection drops, this process dies, the server restarts), the item is still pending and is
// sent again with the same key; the server stores it once. The when and how often is the
// DeliveryEngine's; what a reply is and what an answer means is this courier's. Each state
// change is one write to the store, announced with the item as written (no read-back).
class OutboxSender : public QObject, private DeliveryEngine::Courier
{
    Q_OBJECT
public:
    OutboxSender(OutboxStore &store, ProtocolClient &client, QObject *parent = nullptr);

    // The session layer says when the connection is signed in; sending starts or stops.
    void setOnline(bool online) { m_engine.setOnline(online); }
    // Call after enqueueing or retrying an item.
    void wake() { m_engine.wake(); }
    bool isBusy() const { return m_engine.isBusy(); }

Q_SIGNALS:
    void itemChanged(const OutboxItem &item);
    void requestWritten(const QString &clientMsgId);
    // The server has stored it; emitted before the outbox records that, which is the last
    // moment a crash could make the item go out again (harmlessly).
    void acknowledged(const OutboxItem &item, qint64 serverMessageId);
    void drained(); // nothing left to send

private:
    Start startNext(const DeliveryEngine::Done &done) override;
    void delivered(const Frame &reply) override;
    void refused(const Frame &reply) override;

    void sendText(const DeliveryEngine::Done &done);
    void sendVoice(const QByteArray &clip, const DeliveryEngine::Done &done);
    void fail(const QString &reason);

    OutboxStore &m_store;
    ProtocolClient &m_client;
    DeliveryEngine m_engine;
    OutboxItem m_current; // the item on its way
};
