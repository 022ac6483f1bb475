#pragma once

#include "OutboxStore.h"

#include <QObject>
#include <QTimer>

class ProtocolClient;
struct Frame;

// Delivers the outbox over a signed-in connection, one reply at a time, oldest first: mark it
// sending, send it with its clientMsgId, and mark it sent only once the server's
// acknowledgement (sent after its commit) arrives. Whatever happens in between (the
// connection drops, this process dies, the server restarts), the item is still pending and is
// sent again with the same key; the server stores it once.
class OutboxSender : public QObject
{
    Q_OBJECT
public:
    OutboxSender(OutboxStore &store, ProtocolClient &client, QObject *parent = nullptr);

    // The session layer says when the connection is signed in; sending starts or stops.
    void setOnline(bool online);
    // Call after enqueueing or retrying an item.
    void wake();
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void itemChanged(const OutboxItem &item);
    void requestWritten(const QString &clientMsgId);
    // The server has stored it; emitted before the outbox records that, which is the last
    // moment a crash could make the item go out again (harmlessly).
    void acknowledged(const OutboxItem &item, qint64 serverMessageId);
    void drained(); // nothing left to send

private:
    void sendNext();
    void sendText(const OutboxItem &item);
    void sendVoice(const OutboxItem &item);
    void onVoiceBegun(const OutboxItem &item, const QByteArray &clip, const Frame &reply);
    void onReply(const OutboxItem &item, const Frame &reply);
    void changed(const QString &clientMsgId);

    OutboxStore &m_store;
    ProtocolClient &m_client;
    QTimer m_retryTimer;
    bool m_online = false;
    bool m_busy = false;
};
