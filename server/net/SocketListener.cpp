#include "SocketListener.h"

#include "server/http/HttpRequestHead.h"
#include "server/web/WebSite.h"

#include <QLoggingCategory>
#include <QSslSocket>
#include <QTimer>

#include <limits>
#include <memory>

Q_LOGGING_CATEGORY(lcListener, "consult.server")

namespace {
const char deadlineName[] = "openingDeadline";
const char headReaderName[] = "requestHeadReader";
// Browsers send 0.5-2 KiB; nginx's default buffers take 8 KiB lines. Larger is refused (431).
constexpr qsizetype maxHeadBytes = 16 * 1024;
// Time to take a whole answer once it is written: a phone on a slow link fetching the page.
constexpr int answerDeadlineMs = 60000;
// After refusing a request whose client may still be sending, what is read and dropped before
// closing, so that the close does not reset the connection under the answer (RFC 9112 9.6).
constexpr int lingerMs = 2000;
constexpr qint64 lingerBytes = 1 << 20;
// Answers being written at once. Each holds a copy of its file (up to ~400 KB) until the client
// has taken it, for up to a minute: beyond this many, a request is told to come back (503).
constexpr int maxAnswering = 128;
} // namespace

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
    // Until it is a WebSocket, a peer gets no more of the server's memory than a request head
    // takes; the kernel holds back the rest.
    socket->setReadBufferSize(maxHeadBytes);

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
        awaitRequestHead(socket);
        return;
    }
    auto *tlsSocket = static_cast<QSslSocket *>(socket);
    tlsSocket->setSslConfiguration(*m_tls);
    connect(tlsSocket, &QSslSocket::encrypted, this, [this, socket] { awaitRequestHead(socket); });
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

void SocketListener::awaitRequestHead(QTcpSocket *socket)
{
    // The reader is the connection's context object: deleting it stops reading heads.
    auto *reader = new QObject(socket);
    reader->setObjectName(QLatin1String(headReaderName));
    connect(socket, &QIODevice::readyRead, reader, [this, socket] { readRequestHead(socket); });
    if (socket->bytesAvailable() > 0)
        readRequestHead(socket);
}

void SocketListener::readRequestHead(QTcpSocket *socket)
{
    // Peeked, not read: QWebSocketServer reads the upgrade request from the socket itself.
    const QByteArray bytes = socket->peek(maxHeadBytes);
    const auto parsed = HttpRequestHead::parse(bytes, maxHeadBytes);
    switch (parsed.status) {
    case HttpRequestHead::Status::Incomplete:
        return;
    case HttpRequestHead::Status::TooLarge:
        return answer(socket, WebSite::refusal(431, parsed.error).serialize(), true);
    case HttpRequestHead::Status::Malformed:
        return answer(socket, WebSite::refusal(400, parsed.error).serialize(), true);
    case HttpRequestHead::Status::Complete:
        break;
    }
    if (parsed.head.isWebSocketUpgrade()) {
        delete socket->findChild<QObject *>(QLatin1String(headReaderName),
                                            Qt::FindDirectChildrenOnly);
        socket->setReadBufferSize(0); // the WebSocket bounds its frames itself
        Q_EMIT socketReady(socket);
        return;
    }
    socket->skip(parsed.length);
    HttpResponse response =
        m_site ? m_site->respond(parsed.head) : WebSite::refusal(404, "this server serves no page");
    if (m_answering >= maxAnswering) {
        response = WebSite::refusal(503, "busy; try again in a moment");
        response.add("Retry-After", "2");
    }
    if (response.status >= 400)
        qCInfo(lcListener).noquote()
            << "refused" << response.status << parsed.head.method << parsed.head.path().left(200)
            << "from" << socket->peerAddress().toString();
    answer(socket, response.serialize(parsed.head.method != "HEAD"),
           parsed.head.announcesBody() || socket->bytesAvailable() > 0);
}

void SocketListener::answer(QTcpSocket *socket, const QByteArray &response, bool linger)
{
    delete socket->findChild<QObject *>(QLatin1String(headReaderName), Qt::FindDirectChildrenOnly);
    ++m_answering;
    connect(socket, &QObject::destroyed, this, [this] { --m_answering; });
    // A small kernel buffer for the answer (the kernel would otherwise grow it to megabytes for
    // a client that does not read): what does not fit waits here, counted by maxAnswering.
    socket->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption, 64 * 1024);
    auto *deadline = socket->findChild<QTimer *>(QLatin1String(deadlineName));
    if (deadline)
        deadline->start(answerDeadlineMs);
    socket->write(response);
    if (!linger) {
        socket->disconnectFromHost();
        return;
    }
    // Closing with unread bytes makes the kernel reset the connection, and the client may lose
    // the answer before reading it. Read and drop what still comes (within limits), then close.
    auto dropped = std::make_shared<qint64>(0);
    const auto drain = [socket, dropped] {
        *dropped += socket->skip(socket->bytesAvailable());
        if (*dropped > lingerBytes)
            socket->abort();
    };
    connect(socket, &QIODevice::readyRead, socket, drain);
    drain();
    QTimer::singleShot(lingerMs, socket, [socket] { socket->disconnectFromHost(); });
}
