#pragma once

#include <QtGlobal>

#include <array>
#include <map>
#include <vector>

// Durations (waiting, first response, handling) kept so that any number of days can be added
// together and still give percentiles: a fixed set of log-spaced buckets, eight per doubling
// from one second up, plus a count per whole minute up to four hours for "answered within N
// minutes". Waiting times are long-tailed, so the dashboard reports percentiles, not means.
//
// Percentiles use the nearest-rank definition: p-th percentile of n values is the
// ceil(p/100 * n)-th smallest. While the exact values are known (a range computed from the raw
// rows) they are exact; once histograms from stored days are added, the value is the middle of
// the bucket holding that rank (geometric, clamped to the smallest and largest seen), at most
// relativeError() away from the exact one (half a second below one second: absoluteErrorMs()).
// count, min, max, sum and countWithin are always exact.
class DurationHistogram
{
public:
    static constexpr int BucketsPerDoubling = 8;
    static constexpr int BucketCount = 1 + BucketsPerDoubling * 24; // up to ~194 days
    static constexpr int MinuteBuckets = 241;                       // 0..240 minutes, beyond

    static int bucketOf(qint64 ms);
    static qint64 bucketLowerMs(int bucket);
    static qint64 bucketUpperMs(int bucket); // exclusive
    static double relativeError();
    // How far an estimated percentile may be from an exact value of `ms`.
    static double absoluteErrorMs(qint64 ms);

    void add(qint64 ms);
    // The values are kept exactly until merged with a histogram that no longer has its own.
    void merge(const DurationHistogram &other);
    void dropSamples();

    qint64 count() const { return m_count; }
    qint64 minMs() const { return m_min; }
    qint64 maxMs() const { return m_max; }
    qint64 sumMs() const { return m_sum; }
    bool isExact() const
    {
        return m_reported ? m_reportedExact : m_exact || m_count <= 2; // ranks 1, n: min, max
    }
    // Nearest rank; 0 when empty.
    qint64 percentileMs(int percent) const;
    // How many were at most `minutes` long (1..240; beyond counts as 240).
    qint64 countWithin(int minutes) const;

    // Non-empty buckets, ascending: (bucket, count) and (minute, count).
    const std::map<int, qint64> &buckets() const { return m_buckets; }
    const std::map<int, qint64> &minuteBuckets() const { return m_minutes; }
    // What the server reported for p50 and p90 and whether they are exact (the wire form): the
    // receiver shows those rather than its own estimate from the buckets.
    void setReported(qint64 p50, qint64 p90, bool exact);
    // For the codecs: rebuild from stored parts (no exact values).
    static DurationHistogram fromParts(qint64 count, qint64 min, qint64 max, qint64 sum,
                                       std::map<int, qint64> buckets,
                                       std::map<int, qint64> minutes);

    bool operator==(const DurationHistogram &other) const;

private:
    qint64 m_count = 0;
    qint64 m_min = 0;
    qint64 m_max = 0;
    qint64 m_sum = 0;
    bool m_exact = true;
    bool m_reported = false;
    bool m_reportedExact = false;
    qint64 m_reportedP50 = 0;
    qint64 m_reportedP90 = 0;
    std::map<int, qint64> m_buckets;
    std::map<int, qint64> m_minutes;
    mutable std::vector<qint64> m_samples; // sorted lazily
    mutable bool m_sorted = true;
};
