#pragma once

#include "ParamReader.h"

#include <QJsonObject>
#include <QList>
#include <QString>

// The params of the requests that act on consultations and their messages (docs/protocol.md
// sections 6 and 8), typed: the client builds them with toParams(), the server reads them with
// read(), which records the first problem in the reader (check ParamReader::ok() after).
// Each field's wire name and limit is written here once.

struct ClaimRequest
{
    qint64 consultationId = 0;

    QJsonObject toParams() const;
    static ClaimRequest read(ParamReader &in);
};

// Exactly one of toDepartmentId and toResponderId is set (non-zero).
struct TransferRequest
{
    qint64 consultationId = 0;
    qint64 toDepartmentId = 0;
    qint64 toResponderId = 0;
    QString reason;

    QJsonObject toParams() const;
    // Also refuses a request naming both targets or neither.
    static TransferRequest read(ParamReader &in);
};

struct CloseRequest
{
    qint64 consultationId = 0;
    QString summary;

    QJsonObject toParams() const;
    static CloseRequest read(ParamReader &in);
};

struct RateRequest
{
    qint64 consultationId = 0;
    int rating = 0; // 1..5
    QString comment;

    QJsonObject toParams() const;
    static RateRequest read(ParamReader &in);
};

struct SendTextRequest
{
    qint64 consultationId = 0;
    QString clientMsgId;
    QString text;

    QJsonObject toParams() const;
    static SendTextRequest read(ParamReader &in);
};

struct VoiceBeginRequest
{
    qint64 consultationId = 0;
    QString clientMsgId;
    qint64 bytes = 0;
    qint64 durationMs = 0;
    QString waveform; // base64; empty: none

    QJsonObject toParams() const;
    static VoiceBeginRequest read(ParamReader &in);
};

struct HistoryRequest
{
    qint64 consultationId = 0;
    qint64 beforeId = 0; // 0: the newest
    int limit = 0;       // 0: the server's default

    QJsonObject toParams() const;
    static HistoryRequest read(ParamReader &in);
};

// replies.discarded (section 15): replies a shared desk discarded undelivered at sign-out,
// reported by its next session. What each was, never its text.
struct DiscardedRepliesRequest
{
    static constexpr int maxReplies = 200;
    struct Reply
    {
        QString clientMsgId;
        qint64 consultationId = 0;
        QString author; // the login of the responder who typed it
        QString kind;   // text | voice
        qint64 characters = 0;
        qint64 typedAt = 0;     // ms since the epoch
        qint64 discardedAt = 0; // ms since the epoch
    };
    QList<Reply> replies;

    QJsonObject toParams() const;
    static DiscardedRepliesRequest read(ParamReader &in);
};
