#pragma once

#include <QtGlobal>

// Limits of protocol v1 (docs/protocol.md, section 11). Client and server read the same numbers.
namespace Limits {
constexpr qint64 maxFrameBytes = 256 * 1024;
constexpr int maxTextChars = 4000;
constexpr int maxSubjectChars = 200;
constexpr int maxReasonChars = 500;
constexpr int maxSummaryChars = 2000;
constexpr int maxCommentChars = 500;
constexpr int maxClientIdChars = 64;
constexpr int maxTokenChars = 128;
constexpr int maxCursorChars = 32;
// Reply scripts (docs/protocol.md, section 13).
constexpr int maxScriptTitleChars = 100;
constexpr int maxScriptBodyChars = 4000;
constexpr int maxScriptCategoryChars = 40;
constexpr int maxScriptTags = 10;
constexpr int maxScriptTagChars = 20;
constexpr int maxRequestIdChars = 64;
constexpr qint64 maxVoiceBytes = 2 * 1024 * 1024;
constexpr qint64 maxVoiceMs = 120 * 1000;
constexpr int voiceChunkBytes = 64 * 1024;
constexpr int maxOpenUploads = 2;
constexpr int uploadTimeoutMs = 60 * 1000;
constexpr int maxPageSize = 1000;
constexpr int defaultPageSize = 500;
constexpr int defaultHistoryLimit = 200;
constexpr int helloTimeoutMs = 10 * 1000;
constexpr int idleTimeoutMs = 60 * 1000;
constexpr int pingIntervalMs = 20 * 1000;
constexpr double defaultRatePerSecond = 50;
constexpr double defaultRateBurst = 100;
constexpr int refusalsBeforeClose = 200; // within refusalWindowMs
constexpr int refusalWindowMs = 10 * 1000;

// What the server may hold for one connection (docs/server.md, "Slow and silent clients"):
// replies and events queued but not yet taken by the peer's socket. Checked before each request
// is handled and each event is queued; past it the connection is closed with
// CloseCode::Backlog. Voice downloads are not queued whole but written as the socket drains.
constexpr qint64 maxQueuedOutputBytes = 1024 * 1024;
constexpr qint64 downloadLowWaterBytes = 256 * 1024;
// Clip bytes waiting to be sent per connection: more fetches than this are rate_limited.
constexpr qint64 maxQueuedDownloadBytes = 2 * maxVoiceBytes;
// After the server sends a close frame it keeps reading (and discarding) for this long, so that
// the peer can read why before the socket goes; then the socket is dropped.
constexpr int closeLingerMs = 2000;
// The opening handshake (TLS and the HTTP upgrade) must be over within this.
constexpr int openingHandshakeMs = 10 * 1000;
} // namespace Limits

// Fields whose text a person writes. Only these answer too_large when over their limit (with
// details.limit); any other string over its length (ids, tokens, cursors, names) is
// bad_request (docs/protocol.md, section 2). ParamReader::requireText takes its limits from
// here, and tst_protocol checks that the document's section 11 lists each of them.
struct TextField
{
    const char *name;
    int maxChars;
};
constexpr TextField textFields[] = {
    {"text", Limits::maxTextChars},       {"subject", Limits::maxSubjectChars},
    {"reason", Limits::maxReasonChars},   {"summary", Limits::maxSummaryChars},
    {"comment", Limits::maxCommentChars}, {"title", Limits::maxScriptTitleChars},
    {"body", Limits::maxScriptBodyChars}, {"category", Limits::maxScriptCategoryChars},
};

// WebSocket close codes the server uses beyond RFC 6455's own.
namespace CloseCode {
constexpr int GoingAway = 1001;
constexpr int TooBig = 1009;
constexpr int ProtocolViolation = 4001;
constexpr int HelloTimeout = 4002;
constexpr int SessionRevoked = 4003;
constexpr int Idle = 4004;
constexpr int RateAbuse = 4008;
constexpr int Backlog = 4009;
// The server could not commit changes it had been asked for; nothing about them was sent.
constexpr int StorageFailed = 4010;
} // namespace CloseCode
