#pragma once

#include "app/protocol/Frame.h"
#include "app/protocol/ProtocolVersion.h"

#include <QHash>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>
#include <QWebSocket>
#include <functional>
#include <memory>
#include <optional>

// A protocol v1 client over one WebSocket: numbers requests, matches replies to callbacks and
// reports events. It knows nothing of sign-in or reconnection; those sit on top of it.
//
// Every open() gets a fresh QWebSocket: a reused one keeps the previous connection's close code,
// so a later drop without a close frame would look like, say, a revoked session.
class ProtocolClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const Frame &reply)>; // a 'res' or an 'err' frame

    explicit ProtocolClient(QObject *parent = nullptr);
    ~ProtocolClient() override;

    // For wss:// servers whose certificate the system does not trust (a private CA).
    void setSslConfiguration(const QSslConfiguration &tls) { m_tls = tls; }
    void open(const QUrl &url);
    void close(int code = 1000);
    // Drops the connection at once, without a closing handshake (the peer is not answering),
    // and reports it closed (code 0).
    void abort();
    bool isOpen() const;
    // The current connection's socket (a fresh one after each open()).
    QWebSocket &socket() { return *m_socket; }

    // Sends a request; the callback runs once with its reply, or with a synthetic 'err'
    // (code internal, message "connection lost") if the connection closes first.
    QString request(const QString &method, const QJsonObject &params, Callback callback = {});
    void sendBinary(const QByteArray &bytes);
    // The greeting every connection starts with: the versions offered (by default all this
    // build speaks) and the client's name.
    QString hello(Callback callback, const QList<int> &versions = ProtocolVersion::supported());
    // Writes what has been queued now rather than on the next event loop turn.
    void flush();

Q_SIGNALS:
    void opened();
    // Once per open(): the connection ended, or never came up (closeCode 0 then).
    void closed(int closeCode, const QString &reason);
    void eventReceived(const QString &event, const QJsonObject &data);
    void unmatchedError(const Frame &error); // an 'err' that answers no request of ours
    void binaryReceived(const QByteArray &bytes);

private:
    void onText(const QString &text);
    void onEnded(QWebSocket *socket);
    void failPending();
    static Frame connectionLost(const QString &id);

    std::unique_ptr<QWebSocket, void (*)(QWebSocket *)> m_socket;
    std::optional<QSslConfiguration> m_tls;
    bool m_wasConnected = false;
    bool m_ended = false;
    quint64 m_nextId = 1;
    QHash<QString, Callback> m_pending;
};
