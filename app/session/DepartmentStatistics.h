#pragma once

#include "app/stats/StatsReport.h"

#include <QDate>
#include <QObject>
#include <QTimer>

class ProtocolClient;
struct Frame;

// The department's statistics as the dashboard asks for them (docs/protocol.md section 16):
// one range at a time, fetched again while the dashboard is open whenever consultations change
// (at most every few seconds, so a morning burst costs the server one request per desk per
// interval, not one per message), and exactly for exports.
class DepartmentStatistics : public QObject
{
    Q_OBJECT
public:
    enum class Range
    {
        Today,
        Week,
        Month,
        Custom,
    };
    Q_ENUM(Range)

    explicit DepartmentStatistics(ProtocolClient &client, QObject *parent = nullptr);

    // Asks for `range` now, and keeps it current until stop().
    void watch(Range range, const QDate &from = {}, const QDate &to = {});
    void stop();
    bool isWatching() const { return m_watching; }
    // Consultations changed: ask again soon (coalesced).
    void consultationsChanged();
    // Signed in again after being offline: the figures may have moved meanwhile.
    void signedIn();
    // The same range, every figure refolded from the raw rows (for exports).
    void fetchExact(std::function<void(const StatsReport &)> done,
                    std::function<void(const QString &)> failed);
    // A lead's targets: first responses within this many minutes, waiting longer is overdue.
    void setTargets(int answerWithinMinutes, int waitingLimitMinutes,
                    std::function<void(const QString &error)> done);

    static constexpr int RefreshMs = 5000;

Q_SIGNALS:
    void reportReady(const StatsReport &report);
    // Offline, refused, or an answer that cannot be read: what the dashboard says instead.
    void failed(const QString &reason);

private:
    QJsonObject params(bool exact) const;
    QString refusal(const Frame &reply) const;
    void fetch();

    ProtocolClient &m_client;
    Range m_range = Range::Today;
    QDate m_from;
    QDate m_to;
    bool m_watching = false;
    bool m_inFlight = false;
    bool m_again = false;
    QTimer m_refresh;
};
