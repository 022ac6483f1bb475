#pragma once

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QTcpServer>

class QTcpSocket;
class TranscriptionPool;

// POST /v1/audio/transcriptions, the multipart API that whisper.cpp's server and hosted
// services offer (docs/protocol.md section 14), on a port of its own, answered by the pool's
// engine. Written on QTcpServer rather than Qt HTTP Server: Debian 12's is a technology preview
// with no request size or time limits, and this endpoint needs exactly one route, a bounded
// body and a deadline. HTTP/1.1, one request per connection (Connection: close).
class TranscriptionApi : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QByteArray key;                   // bearer key required; empty: none
        qint64 maxBodyBytes = 25LL << 20; // larger: 413
        int requestTimeoutMs = 30000;     // to receive the whole request
        int maxQueued = 16;               // requests waiting for an engine or in it; more: 429
        int maxConnections = 32;          // open at once (each may hold a body); more: 429
    };

    TranscriptionApi(TranscriptionPool &pool, Options options, QObject *parent = nullptr);
    ~TranscriptionApi() override;

    bool listen(const QHostAddress &address, quint16 port);
    quint16 port() const { return m_server.serverPort(); }
    QString errorString() const { return m_server.errorString(); }

private:
    struct Request;
    void onConnection();
    void onReadable(QTcpSocket *socket);
    void handle(QTcpSocket *socket, Request &request);
    // close: end the connection once written (false: the caller still reads the body).
    static void reply(QTcpSocket *socket, int status, const QByteArray &contentType,
                      const QByteArray &body, bool close = true);
    static void replyError(QTcpSocket *socket, int status, const QString &message,
                           const QByteArray &type, bool close = true);

    TranscriptionPool &m_pool;
    Options m_options;
    // Before the server: its sockets, destroyed with it, still find their requests.
    QHash<QTcpSocket *, Request *> m_requests;
    QTcpServer m_server;
    int m_waiting = 0; // requests handed to the pool and not answered yet
};
