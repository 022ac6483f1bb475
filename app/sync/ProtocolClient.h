#pragma once

#include "Frame.h"

#include <QHash>
#include <QObject>
#include <QUrl>
#include <QWebSocket>
#include <functional>

// A protocol v1 client over one WebSocket: numbers requests, matches replies to callbacks and
// reports events. It knows nothing of sign-in or reconnection; those sit on top of it.
class ProtocolClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const Frame &reply)>; // a 'res' or an 'err' frame

    explicit ProtocolClient(QObject *parent = nullptr);
    ~ProtocolClient() override;

    void open(const QUrl &url);
    void close(int code = 1000);
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QWebSocket &socket() { return m_socket; }

    // Sends a request; the callback runs once with its reply, or with a synthetic 'err'
    // (code internal, message "connection lost") if the connection closes first.
    QString request(const QString &method, const QJsonObject &params, Callback callback = {});
    void sendBinary(const QByteArray &bytes);

Q_SIGNALS:
    void opened();
    void closed(int closeCode, const QString &reason);
    void eventReceived(const QString &event, const QJsonObject &data);
    void unmatchedError(const Frame &error); // an 'err' that answers no request of ours
    void binaryReceived(const QByteArray &bytes);

private:
    void onText(const QString &text);
    void failPending();
    static Frame connectionLost(const QString &id);

    QWebSocket m_socket;
    quint64 m_nextId = 1;
    QHash<QString, Callback> m_pending;
};
