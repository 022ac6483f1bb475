#pragma once

#include <QObject>

class QWebSocketServer;

// A bare QWebSocketServer that sends every text frame back to its sender: the ceiling a
// WebSocket server on this machine can reach, to compare the real server against.
class EchoServer : public QObject
{
    Q_OBJECT
public:
    explicit EchoServer(QObject *parent = nullptr);
    bool listen();
    QString url() const;

private:
    QWebSocketServer *m_server;
};

int runEchoServer(); // the benchmark's --echo-server mode: listens, prints its url, serves
