#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

// The head of an HTTP/1.x request (RFC 9112 section 2-5): request line and header fields, read
// from the first bytes a client sent. Strict on purpose: the server answers plain requests only
// for its own page and hands WebSocket upgrades on, so anything unusual (folded lines, a bare
// LF, control characters, a target that is not an absolute path) is refused rather than
// interpreted. Never reads past the blank line: the bytes after it belong to whoever handles
// the request.
class HttpRequestHead
{
public:
    enum class Status
    {
        Incomplete, // no blank line yet, and still within the size limit
        Complete,
        Malformed, // 400
        TooLarge,  // 431: no blank line within the limit
    };
    struct Parsed;

    // Reads a head from the start of `bytes`; at most `maxBytes` (blank line included).
    static Parsed parse(QByteArrayView bytes, qsizetype maxBytes);

    QByteArray method;                           // as sent: methods are case-sensitive
    QByteArray target;                           // the request target as sent, e.g. "/app.js?v=2"
    QByteArray version;                          // "HTTP/1.1" or "HTTP/1.0"
    QList<QPair<QByteArray, QByteArray>> fields; // names lower-cased, values trimmed

    // The path part of the target (before '?'), not decoded.
    QByteArray path() const;
    // The value of the first field of this (lower-case) name; empty when absent.
    QByteArray field(QByteArrayView name) const;
    bool hasField(QByteArrayView name) const;
    // A GET asking to become a WebSocket (RFC 6455 section 4.1): Upgrade names "websocket" and
    // Connection names "upgrade".
    bool isWebSocketUpgrade() const;
    // Announces a body (a non-zero Content-Length, or any Transfer-Encoding).
    bool announcesBody() const;

    static constexpr int maxFields = 100;
};

struct HttpRequestHead::Parsed
{
    Status status = Status::Incomplete;
    HttpRequestHead head; // when Complete
    qsizetype length = 0; // bytes of the head, blank line included, when Complete
    QByteArray error;     // why, when Malformed or TooLarge (English, for the log and the body)
};
