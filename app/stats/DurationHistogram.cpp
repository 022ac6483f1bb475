#include "DurationHistogram.h"

#include <algorithm>
#include <cmath>

int DurationHistogram::bucketOf(qint64 ms)
{
    if (ms < 1000)
        return 0;
    // 1 + floor(8 * log2(ms / 1000)), corrected for rounding at the exact bounds.
    int bucket = 1 + int(std::floor(BucketsPerDoubling * std::log2(double(ms) / 1000.0)));
    bucket = std::clamp(bucket, 1, BucketCount - 1);
    while (bucket > 1 && ms < bucketLowerMs(bucket))
        --bucket;
    while (bucket < BucketCount - 1 && ms >= bucketUpperMs(bucket))
        ++bucket;
    return bucket;
}

qint64 DurationHistogram::bucketLowerMs(int bucket)
{
    if (bucket <= 0)
        return 0;
    return qint64(std::ceil(1000.0 * std::exp2(double(bucket - 1) / BucketsPerDoubling)));
}

qint64 DurationHistogram::bucketUpperMs(int bucket)
{
    if (bucket <= 0)
        return 1000;
    return qint64(std::ceil(1000.0 * std::exp2(double(bucket) / BucketsPerDoubling)));
}

double DurationHistogram::relativeError()
{
    // The geometric middle of [a, a*r) is at most sqrt(r) - 1 away from any value in it.
    return std::exp2(0.5 / BucketsPerDoubling) - 1.0;
}

double DurationHistogram::absoluteErrorMs(qint64 ms)
{
    return std::max(relativeError() * double(ms), 500.0);
}

void DurationHistogram::add(qint64 ms)
{
    ms = std::max<qint64>(ms, 0);
    m_min = m_count == 0 ? ms : std::min(m_min, ms);
    m_max = m_count == 0 ? ms : std::max(m_max, ms);
    ++m_count;
    m_sum += ms;
    ++m_buckets[bucketOf(ms)];
    ++m_minutes[int(std::min<qint64>((ms + 59999) / 60000, MinuteBuckets))];
    if (m_exact) {
        m_samples.push_back(ms);
        m_sorted = false;
    }
}

void DurationHistogram::merge(const DurationHistogram &other)
{
    if (other.m_count == 0)
        return;
    m_reported = false;
    m_min = m_count == 0 ? other.m_min : std::min(m_min, other.m_min);
    m_max = m_count == 0 ? other.m_max : std::max(m_max, other.m_max);
    m_count += other.m_count;
    m_sum += other.m_sum;
    for (const auto &[bucket, n] : other.m_buckets)
        m_buckets[bucket] += n;
    for (const auto &[minute, n] : other.m_minutes)
        m_minutes[minute] += n;
    if (m_exact && other.m_exact) {
        m_samples.insert(m_samples.end(), other.m_samples.begin(), other.m_samples.end());
        m_sorted = false;
    } else {
        dropSamples();
    }
}

void DurationHistogram::dropSamples()
{
    m_exact = false;
    m_samples.clear();
    m_samples.shrink_to_fit();
}

void DurationHistogram::setReported(qint64 p50, qint64 p90, bool exact)
{
    m_reported = true;
    m_reportedP50 = p50;
    m_reportedP90 = p90;
    m_reportedExact = exact;
}

qint64 DurationHistogram::percentileMs(int percent) const
{
    if (m_count == 0)
        return 0;
    if (m_reported && (percent == 50 || percent == 90))
        return percent == 50 ? m_reportedP50 : m_reportedP90;
    const qint64 rank =
        std::clamp<qint64>((qint64(percent) * m_count + 99) / 100, 1, m_count); // ceil
    if (m_exact) {
        if (!m_sorted) {
            std::sort(m_samples.begin(), m_samples.end());
            m_sorted = true;
        }
        return m_samples[size_t(rank - 1)];
    }
    if (rank == m_count)
        return m_max;
    if (rank == 1)
        return m_min;
    qint64 seen = 0;
    for (const auto &[bucket, n] : m_buckets) {
        seen += n;
        if (seen >= rank) {
            if (bucket == BucketCount - 1) // open-ended: no middle to take
                return m_max;
            const double middle =
                bucket == 0 ? 500.0
                            : 1000.0 * std::exp2((double(bucket) - 0.5) / BucketsPerDoubling);
            return std::clamp<qint64>(qint64(std::llround(middle)), m_min, m_max);
        }
    }
    return m_max;
}

qint64 DurationHistogram::countWithin(int minutes) const
{
    const int limit = std::clamp(minutes, 0, MinuteBuckets - 1);
    qint64 n = 0;
    for (const auto &[minute, count] : m_minutes) {
        if (minute > limit)
            break;
        n += count;
    }
    return n;
}

DurationHistogram DurationHistogram::fromParts(qint64 count, qint64 min, qint64 max, qint64 sum,
                                               std::map<int, qint64> buckets,
                                               std::map<int, qint64> minutes)
{
    DurationHistogram h;
    h.m_count = count;
    h.m_min = min;
    h.m_max = max;
    h.m_sum = sum;
    h.m_buckets = std::move(buckets);
    h.m_minutes = std::move(minutes);
    h.m_exact = count == 0;
    return h;
}

bool DurationHistogram::operator==(const DurationHistogram &other) const
{
    return m_count == other.m_count && m_min == other.m_min && m_max == other.m_max &&
           m_sum == other.m_sum && m_buckets == other.m_buckets && m_minutes == other.m_minutes;
}
