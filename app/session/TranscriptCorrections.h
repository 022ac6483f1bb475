#pragma once

#include <QObject>
#include <QString>
#include <functional>

class ProtocolClient;
struct Frame;

// A responder's correction of a voice message's transcript (docs/protocol.md section 14),
// sent at once. The server announces the corrected record to every desk that sees the
// consultation, this one included, so the cache learns it the way it learns everything else.
// Not queued offline: a correction may meet a colleague's, which only the server can tell; the
// editor keeps the text until the answer comes.
class TranscriptCorrections : public QObject
{
    Q_OBJECT
public:
    enum class Outcome
    {
        Saved,
        Offline,        // nothing was sent
        ColleagueFirst, // a colleague corrected it meanwhile; theirs stands
        Refused,        // not allowed, or the text is too long (detail says)
    };
    // ColleagueFirst: `detail` is the colleague's correction and `revision` the record's now,
    // the base for another try.
    using Done = std::function<void(Outcome outcome, const QString &detail, int revision)>;

    explicit TranscriptCorrections(ProtocolClient &client, QObject *parent = nullptr);

    // `baseRevision` and `baseCorrection` are what the officer was looking at ("" when it was
    // not corrected); `text` "" takes the correction back.
    void correct(qint64 messageId, int baseRevision, const QString &baseCorrection,
                 const QString &text, Done done);

private:
    void send(qint64 messageId, int baseRevision, const QString &baseCorrection,
              const QString &text, const QString &editId, bool retried, Done done);

    ProtocolClient &m_client;
};
