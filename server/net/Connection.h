#pragma once

#include "RateLimiter.h"
#include "app/domain/Principal.h"
#include "app/protocol/ErrorCode.h"
#include "app/protocol/Frame.h"
#include "server/services/Caller.h"
#include "server/services/ServerLimits.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QWebSocket>

#include <optional>
#include <utility>

class CommitGroup;
class QTcpSocket;

// One client's WebSocket: handshake state, principal, request rate, liveness and open voice
// uploads. It decodes frames and hands complete requests to whoever listens; to the services
// it is the Caller of their requests.
class Connection : public Caller
{
    Q_OBJECT
public:
    // `transport` is the TCP (or TLS) socket under `socket`, used to close gracefully; without
    // it the connection closes the ordinary way. While `group` is open, everything this
    // connection would send is held until the group has committed (see CommitGroup).
    Connection(QWebSocket *socket, QTcpSocket *transport, const ServerLimits &limits,
               CommitGroup *group = nullptr, QObject *parent = nullptr);
    ~Connection() override;

    QString peerAddress() const override { return m_peerAddress; }
    bool isHandshaken() const { return m_version > 0; }
    void setVersion(int version) { m_version = version; }

    const Principal &principal() const override { return m_principal; }
    const QString &tokenHash() const override { return m_tokenHash; }
    void setPrincipal(const Principal &principal, const QString &tokenHash) override;
    void clearPrincipal() override;

    QHash<quint32, VoiceUpload> &uploads() override { return m_uploads; }

    void sendResult(const QString &id, const QJsonObject &result) override;
    void sendError(const QString &id, const ProtocolError &error) override;
    void sendEvent(const QString &event, const QJsonObject &data);
    // An already encoded frame, for events that go to many connections alike.
    void sendText(const QString &frame);
    // A clip for voice.fetch: written chunk by chunk as the socket drains, after the reply
    // already sent.
    void queueDownload(quint32 transferId, const QByteArray &clip) override;
    qint64 queuedDownloadBytes() const override { return m_queuedDownloadBytes; }
    // Sends a close frame and stops handling the peer's frames, but keeps reading them (and
    // throwing them away) until the peer closes or Limits::closeLingerMs pass: a socket closed
    // with unread input is reset, and the reset makes the peer's system discard what was sent
    // last, the close frame and the errors before it included.
    void closeWith(int code, const QString &reason);
    bool isClosing() const { return m_closing; }
    void refuseBeforeHandshake(const QString &requestId);

    // Called about once a second by the server: pings, drops idle or silent peers and stale
    // uploads.
    void checkTimers(qint64 nowMs);

Q_SIGNALS:
    void requestReceived(Connection *connection, const Frame &frame);
    void binaryReceived(Connection *connection, const QByteArray &bytes);
    void principalChanged(Connection *connection, const Principal &previous);
    void disconnected(Connection *connection);

private:
    void onText(const QString &text);
    void onBinary(const QByteArray &bytes);
    bool admit(const QString &requestId);
    void touch() { m_lastActivity.restart(); }
    // True, after closing the connection with CloseCode::Backlog, when more than
    // Limits::maxQueuedOutputBytes wait to be written: a peer that does not read.
    bool closeIfBacklogged();
    bool writeText(const QString &frame);
    void pumpDownloads();
    // Holds `frame` until the open commit group settles; release() then sends what was held,
    // or, if the group failed, closes the connection without sending it.
    void hold(const QString &frame);
    void release(bool committed);

    struct Download
    {
        quint32 transferId = 0;
        QByteArray clip;
        qint64 offset = 0;
    };

    QPointer<QWebSocket> m_socket;
    QPointer<QTcpSocket> m_transport;
    CommitGroup *m_group = nullptr;
    QStringList m_held;
    // A close asked for while frames were held: it follows them.
    std::optional<std::pair<int, QString>> m_closeAfterRelease;
    bool m_closing = false;
    QQueue<Download> m_downloads;
    qint64 m_queuedDownloadBytes = 0;
    ServerLimits m_limits;
    QString m_peerAddress;
    int m_version = 0;
    Principal m_principal;
    QString m_tokenHash;
    RateLimiter m_rate;
    int m_refusals = 0;
    qint64 m_refusalWindowStart = 0;
    QElapsedTimer m_age;
    QElapsedTimer m_lastActivity;
    qint64 m_lastPingMs = 0;
    QHash<quint32, VoiceUpload> m_uploads;
};
