#pragma once

#include "DurationHistogram.h"

#include <QByteArray>
#include <QJsonObject>
#include <QSet>
#include <QString>

#include <array>
#include <map>
#include <optional>
#include <tuple>

// What happened in one department (or to one responder, or to one delegation's consultations
// there) over some days: every figure of the dashboard that adds up, so that stored days can be
// summed into any range. Events are counted on the day they happened (a consultation created on
// Monday and closed on Tuesday is received on Monday, closed on Tuesday); durations on the day
// they ended (docs/protocol.md section 16 defines each figure).
struct StatsCell
{
    // One line of the transfer table: which way, the other department, the reason as written.
    struct TransferKey
    {
        bool outgoing = false;
        qint64 otherDepartmentId = 0;
        QString reason;
        bool operator<(const TransferKey &o) const
        {
            return std::tie(outgoing, otherDepartmentId, reason) <
                   std::tie(o.outgoing, o.otherDepartmentId, o.reason);
        }
        bool operator==(const TransferKey &o) const
        {
            return std::tie(outgoing, otherDepartmentId, reason) ==
                   std::tie(o.outgoing, o.otherDepartmentId, o.reason);
        }
    };

    qint64 received = 0;
    qint64 claimed = 0;
    qint64 closed = 0;
    qint64 rated = 0;
    qint64 transfersIn = 0;
    qint64 transfersOut = 0;
    qint64 textIn = 0; // from representatives
    qint64 voiceIn = 0;
    qint64 textOut = 0; // from responders
    qint64 voiceOut = 0;
    qint64 voiceMsIn = 0;
    qint64 voiceMsOut = 0;
    std::array<qint64, 5> ratings{}; // how many 1s .. 5s
    DurationHistogram waiting;       // arrival in the department's queue -> claimed
    DurationHistogram firstResponse; // created -> first responder message
    DurationHistogram handling;      // claimed (or handed to the closer) -> closed
    // Received, by weekday (0 = Monday) and hour, in the server's time zone.
    std::array<std::array<qint64, 24>, 7> receivedByHour{};
    // Representatives who opened a consultation or wrote in it.
    QSet<qint64> representatives;
    std::map<TransferKey, qint64> transfers;

    qint64 ratingSum() const;
    bool isEmpty() const;
    void merge(const StatsCell &other);
    // The durations stop being kept value by value (a stored day keeps only the histograms).
    void dropSamples();
    bool operator==(const StatsCell &other) const;

    // The wire form (docs/protocol.md section 16): every count, and each duration with its
    // nearest-rank p50/p90, max, and its buckets.
    QJsonObject toJson() const;
    static std::optional<StatsCell> fromJson(const QJsonObject &json);
    // The stored form of a day's cell: compact and quick to read back, for a year of days in
    // one request. Versioned; an unknown version reads as nothing.
    QByteArray toStorage() const;
    static std::optional<StatsCell> fromStorage(const QByteArray &bytes);
};
