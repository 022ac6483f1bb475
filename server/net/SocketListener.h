#pragma once

#include <QHash>
#include <QHostAddress>
#include <QPointer>
#include <QSslConfiguration>
#include <QTcpServer>
#include <optional>

class QTcpSocket;
class WebSite;

// Accepts TCP connections for the WebSocket server and owns their opening: TCP_NODELAY on
// every socket, the TLS handshake when configured, the request head read (peeked, so that the
// WebSocket server still finds it), and one deadline for the whole opening (TLS, then the HTTP
// request). A head that asks for a WebSocket goes on to the WebSocket server; any other
// request is answered from the page's files (WebSite) and the connection closed. QWebSocketServer
// gives no access to its sockets and starts no deadline for sockets handed to handleConnection(),
// so both are done here: a socket that has not become a WebSocket by the deadline is dropped. A
// socket that did is looked up by its peer's address and port (take()), so that its Connection can
// reach the transport below the WebSocket (to close gracefully and to see what is queued).
class SocketListener : public QTcpServer
{
    Q_OBJECT
public:
    SocketListener(const std::optional<QSslConfiguration> &tls, int openingDeadlineMs,
                   QObject *parent = nullptr);

    // The socket that opened as the WebSocket with this peer, no longer under the deadline.
    QTcpSocket *take(const QHostAddress &peer, quint16 port);
    // The page answered to plain requests; without one every plain request is 404.
    void setSite(const WebSite *site) { m_site = site; }
    int openingCount() const { return static_cast<int>(m_opening.size()); }

Q_SIGNALS:
    // Ready for the WebSocket handshake (for TLS: encrypted).
    void socketReady(QTcpSocket *socket);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void awaitRequestHead(QTcpSocket *socket);
    void readRequestHead(QTcpSocket *socket);
    // Writes the answer and closes; `linger`: the client may still be sending, so what it sends
    // is read and dropped for a moment first.
    void answer(QTcpSocket *socket, const QByteArray &response, bool linger = false);

    using Peer = QPair<QString, quint16>;
    std::optional<QSslConfiguration> m_tls;
    int m_deadlineMs;
    const WebSite *m_site = nullptr;
    int m_answering = 0; // plain requests answered and not yet gone
    QHash<Peer, QPointer<QTcpSocket>> m_opening;
};
