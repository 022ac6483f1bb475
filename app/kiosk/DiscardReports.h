#pragma once

#include "app/delivery/DeliveryEngine.h"
#include "app/outbox/OutboxItem.h"
#include "app/protocol/Requests.h"

#include <QDir>
#include <QObject>
#include <memory>

class ProtocolClient;

// The desk's record of replies it gave up at a sign-out (protocol section 15), kept in the
// desk's own state folder (not the officer's, which is gone by then) until a server has it:
// a durable queue, one JSON file per sign-out, delivered by the next session signed in here
// through the one delivery engine.
class DiscardReports : public QObject, private DeliveryEngine::Courier
{
    Q_OBJECT
public:
    explicit DiscardReports(QString folder, QObject *parent = nullptr);
    ~DiscardReports() override;

    // Writes the report before anything is deleted (several files past the protocol's
    // maxReplies); false (and the reason logged) if the folder cannot take it.
    bool add(const QList<OutboxItem> &items, const QString &author, qint64 discardedAt);
    int pendingCount() const;

    // Delivery through a signed-in session's client; detach() before that client goes.
    void attach(ProtocolClient &client);
    void detach();
    void setOnline(bool online);

Q_SIGNALS:
    void recorded(int count); // the server has a report: it kept `count` replies

private:
    Start startNext(const DeliveryEngine::Done &done) override;
    void delivered(const Frame &reply) override;
    void refused(const Frame &reply) override;
    QStringList files() const;

    QDir m_folder;
    ProtocolClient *m_client = nullptr;
    std::unique_ptr<DeliveryEngine> m_engine;
    QString m_current; // the file on its way
};
