#pragma once

#include "VoiceUpload.h"
#include "app/domain/Principal.h"
#include "app/protocol/ErrorCode.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

// The connection a request came on, as the services see it: who is signed in on it, and the
// few things a handler may do to it. The network layer implements it (Connection), so the
// services never see a socket and the arrow runs one way, net -> services.
class Caller : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual const Principal &principal() const = 0;
    virtual const QString &tokenHash() const = 0;
    virtual QString peerAddress() const = 0;
    virtual void setPrincipal(const Principal &principal, const QString &tokenHash) = 0;
    virtual void clearPrincipal() = 0;

    // Voice uploads open on this connection, by transfer id.
    virtual QHash<quint32, VoiceUpload> &uploads() = 0;
    // A clip for voice.fetch, sent after the reply to the request being handled, a chunk at a
    // time as the connection drains.
    virtual void queueDownload(quint32 transferId, const QByteArray &clip) = 0;
    virtual qint64 queuedDownloadBytes() const = 0;

    // Answers that do not come back through the router's return value: a password check that
    // finished on a worker thread, an error about a binary frame.
    virtual void sendResult(const QString &id, const QJsonObject &result) = 0;
    virtual void sendError(const QString &id, const ProtocolError &error) = 0;
};
