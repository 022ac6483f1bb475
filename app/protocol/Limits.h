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
} // namespace Limits

// WebSocket close codes the server uses beyond RFC 6455's own.
namespace CloseCode {
constexpr int GoingAway = 1001;
constexpr int TooBig = 1009;
constexpr int ProtocolViolation = 4001;
constexpr int HelloTimeout = 4002;
constexpr int SessionRevoked = 4003;
constexpr int Idle = 4004;
constexpr int RateAbuse = 4008;
} // namespace CloseCode
