#pragma once

#include "LoadRun.h"
#include "server/demo/DemoCatalog.h"

#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QUrl>
#include <functional>

class ProtocolClient;

// What the server benchmarks share: printing a figure, signing many sessions in, and reading
// the frames of a load run without decoding them.
void print(const char *name, double value, const char *unit, const char *target);

// Runs the event loop until `done` or the time is up.
bool spin(const std::function<bool()> &done, int timeoutMs);

struct Session
{
    ProtocolClient *client = nullptr;
    bool ready = false;
    qint64 consultationId = 0;
};

// Opens, greets and signs in every session, retrying as the server's throttle asks (it lets
// one address run only so many password checks at once); returns how many made it.
int signIn(QList<Session> &sessions, const QUrl &url, const QString &method,
           const std::function<QString(int)> &login, const QString &password);

// A message.send frame whose client id is `key`.
QString sendFrame(qint64 consultationId, const QString &key);

// The string value of a field, without decoding the whole frame (keeps the load generator
// from becoming the bottleneck).
QString fieldIn(const QString &text, const QString &field);

// The offered-load phase (open loop at offeredRate for seconds), then the saturating one
// (closed loop, `window` in flight per sender, for saturateSeconds).
struct LoadShape
{
    double offeredRate = 0;
    int seconds = 0;
    int window = 4;
    int saturateSeconds = 5;
};
struct Phases
{
    LoadRun::Figures open;
    LoadRun::Figures saturated;
};
// Each phase with fresh bookkeeping; `wire` connects the sockets' frames to that phase's
// LoadRun and returns the connections.
Phases runPhases(const QList<LoadRun::Sender> &senders, const LoadShape &shape,
                 const std::function<QList<QMetaObject::Connection>(LoadRun &)> &wire);

// Representatives (signed in) each open a consultation that one of the responders (signed in,
// perhaps on another node) claims; then the representatives send text messages in both
// phases, acknowledged to them and timed as they reach the responders.
Phases consultationLoad(QList<Session> &reps, QList<Session> &responders,
                        const DemoCatalog &catalog, const LoadShape &shape);
