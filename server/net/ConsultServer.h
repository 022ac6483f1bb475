#pragma once

#include "RequestRouter.h"
#include "server/services/ServerLimits.h"
#include "server/stats/StatsBackfill.h"
#include "server/storage/CommitGroup.h"
#include "server/web/WebSite.h"

#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>
#include <QTimer>
#include <optional>

class QWebSocketServer;
class Connection;
class EventHub;
class SocketListener;

// The WebSocket endpoint: accepts connections, applies the transport limits and hands frames
// to the router.
class ConsultServer : public QObject
{
    Q_OBJECT
public:
    // `events` is the hub that `context` announces changes to.
    ConsultServer(ServerContext &context, EventHub &events,
                  const std::optional<QSslConfiguration> &tls, QObject *parent = nullptr);
    ~ConsultServer() override;

    bool listen(const QHostAddress &address, quint16 port);
    QString errorString() const;
    QUrl url() const;
    int connectionCount() const { return m_connections.size(); }
    // TCP connections still in their opening handshake (TLS or HTTP upgrade).
    int openingCount() const;
    // Stops accepting, closes every connection with 1001 and flushes what was already queued.
    void shutdown();

private:
    void onNewConnection();
    void onDisconnected(Connection *connection);
    void sweep();

    ServerContext &m_ctx;
    EventHub &m_events;
    CommitGroup m_commitGroup;
    QWebSocketServer *m_server; // only upgrades; SocketListener accepts
    SocketListener *m_listener;
    RequestRouter m_router;
    WebSite m_site; // the representatives' page, answered on the same port
    StatsBackfill m_statsBackfill;
    QSet<Connection *> m_connections;
    QTimer m_sweepTimer;
};
