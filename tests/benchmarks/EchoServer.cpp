#include "EchoServer.h"

#include <QCoreApplication>
#include <QWebSocket>
#include <QWebSocketServer>
#include <cstdio>

EchoServer::EchoServer(QObject *parent)
    : QObject(parent)
    , m_server(new QWebSocketServer(QStringLiteral("echo"), QWebSocketServer::NonSecureMode, this))
{
    connect(m_server, &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket *socket = m_server->nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QWebSocket::textMessageReceived, socket,
                    [socket](const QString &text) { socket->sendTextMessage(text); });
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

bool EchoServer::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QString EchoServer::url() const
{
    return m_server->serverUrl().toString();
}

int runEchoServer()
{
    EchoServer server;
    if (!server.listen())
        return 1;
    std::printf("listening %s\n", qPrintable(server.url()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
