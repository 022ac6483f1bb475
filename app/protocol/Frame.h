#pragma once

#include "ErrorCode.h"
#include "app/core/Expected.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

// One text frame of protocol v1 (docs/protocol.md, section 2).
struct Frame
{
    enum class Type
    {
        Request,
        Result,
        Error,
        Event
    };

    Type type = Type::Request;
    QString id;          // req, res, err (empty for an err that answers no request)
    QString method;      // req
    QString event;       // evt
    QJsonObject payload; // req params, res result, evt data, err details
    ErrorCode errorCode = ErrorCode::Internal;
    QString errorMessage;
};

// The error a frame that cannot be decoded produces, with the request id when it could be read.
struct FrameDecodeError
{
    QString requestId;
    ProtocolError error;
};

Expected<Frame, FrameDecodeError> decodeFrame(const QByteArray &utf8Json);

QByteArray encodeRequest(const QString &id, const QString &method, const QJsonObject &params);
QByteArray encodeResult(const QString &id, const QJsonObject &result);
QByteArray encodeError(const QString &id, const ProtocolError &error);
QByteArray encodeEvent(const QString &event, const QJsonObject &data);

// An error that only signing in again can cure (the request waits for that).
bool needsSignIn(ErrorCode code);
// How long to wait before sending again after an error that passes: what the server asked
// for when rate limited (at least 100 ms), `otherwiseMs` for anything else.
int retryDelayMs(const Frame &reply, int otherwiseMs);
