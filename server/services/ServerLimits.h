#pragma once

#include "app/protocol/Limits.h"

#include <QByteArray>

// The limits one server instance enforces; the defaults are protocol v1's, tests shorten the
// timeouts to observe them.
struct ServerLimits
{
    double ratePerSecond = Limits::defaultRatePerSecond;
    double rateBurst = Limits::defaultRateBurst;
    int helloTimeoutMs = Limits::helloTimeoutMs;
    int idleTimeoutMs = Limits::idleTimeoutMs;
    int pingIntervalMs = Limits::pingIntervalMs;
    qint64 maxFrameBytes = Limits::maxFrameBytes;
    // Representatives sign in from phones and a web page, where a token sits in the browser's
    // storage rather than a keychain: a shorter life than officers' (ServerConfig's).
    qint64 representativeTokenLifetimeMs = 7LL * 24 * 3600 * 1000;
    // A representative's voice message, like WeChat's, is at most a minute; officers' replies
    // may be the protocol's full length.
    int maxRepresentativeVoiceMs = 60000;
    // Clients come through a reverse proxy on this machine (docs/web.md): their address is the
    // last X-Forwarded-For entry of connections from loopback.
    bool behindProxy = false;
    // The IANA time zone whose days the statistics count in; empty: the system's.
    QByteArray statsTimeZone;
};
