#include "SocketListener.h"

#include <QLoggingCategory>
#include <QSslSocket>
#include <QTimer>

#include <limits>

Q_LOGGING_CATEGORY(lcListener, "consult.server")

namespace {
const char deadlineName[] = "openingDeadline";
}

SocketListener::SocketListener(const std::optional<QSslConfiguration> &tls, int openingDeadlineMs,
                               QObject *parent)
    : QTcpServer(parent)
    , m_tls(tls)
    , m_deadlineMs(openingDeadlineMs)
{
    // Sockets are handed on from incomingConnection() directly; the pending queue stays empty.
    setMaxPendingConnections(std::numeric_limits<int>::max());
}

void SocketListener::incomingConnection(qintptr descriptor)
{
    QTcpSocket *socket = m_tls ? new QSslSocket(this) : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    // Small frames going out back to back (a reply, then events) must not wait for the peer's
    // delayed ACK, which Nagle's algorithm would make them do: that alone cost tens of
    // milliseconds at the 99th percentile.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);

    const Peer peer{socket->peerAddress().toString(), socket->peerPort()};
    m_opening.insert(peer, socket);
    // Sockets that QWebSocketServer refuses are deleted there; forget them here too.
    connect(socket, &QObject::destroyed, this, [this, peer] {
        if (m_opening.value(peer).isNull())
            m_opening.remove(peer);
    });
    // A peer that leaves during its opening is forgotten; one that opened belongs to its
    // WebSocket, which deletes it.
    connect(socket, &QAbstractSocket::disconnected, this, [this, peer, socket] {
        if (m_opening.value(peer) == socket) {
            m_opening.remove(peer);
            socket->deleteLater();
        }
    });

    auto *deadline = new QTimer(socket);
    deadline->setObjectName(QLatin1String(deadlineName));
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, socket, [socket] {
        qCInfo(lcListener).noquote() << "dropping" << socket->peerAddress().toString()
                                     << "for an unfinished opening handshake";
        socket->abort();
    });
    deadline->start(m_deadlineMs);

    if (!m_tls) {
        Q_EMIT socketReady(socket);
        return;
    }
    auto *tlsSocket = static_cast<QSslSocket *>(socket);
    tlsSocket->setSslConfiguration(*m_tls);
    connect(tlsSocket, &QSslSocket::encrypted, this,
            [this, socket] { Q_EMIT socketReady(socket); });
    connect(tlsSocket, &QSslSocket::sslErrors, tlsSocket,
            [tlsSocket](const QList<QSslError> &errors) {
                qCInfo(lcListener).noquote()
                    << "TLS handshake failed with" << tlsSocket->peerAddress().toString()
                    << errors.value(0).errorString();
            });
    tlsSocket->startServerEncryption();
}

QTcpSocket *SocketListener::take(const QHostAddress &peer, quint16 port)
{
    QTcpSocket *socket = m_opening.take({peer.toString(), port}).data();
    if (socket)
        delete socket->findChild<QTimer *>(QLatin1String(deadlineName));
    return socket;
}
