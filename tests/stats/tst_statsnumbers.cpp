// The numbers under the statistics: percentiles by nearest rank, exact while the values are
// known and within the stated error once days are summed from histograms; cells that add up
// in any order; both codecs give back what they were given and refuse what is broken.
#include "app/stats/StatsReport.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>
#include <cmath>

namespace {

qint64 nearestRank(QList<qint64> values, int p)
{
    std::sort(values.begin(), values.end());
    const auto rank = qint64(std::ceil(p / 100.0 * values.size()));
    return values.at(std::max<qint64>(rank, 1) - 1);
}

// Long-tailed, like waiting times: mostly minutes, some hours.
qint64 drawDuration(QRandomGenerator &random)
{
    return qint64(std::exp(random.generateDouble() * 12.0) * 100.0);
}

} // namespace

class TestStatsNumbers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bucketsCoverEveryDurationOnce()
    {
        for (qint64 ms :
             {0LL, 999LL, 1000LL, 1090LL, 1091LL, 60000LL, 3600000LL, 86400000LL * 400}) {
            const int b = DurationHistogram::bucketOf(ms);
            QVERIFY(b >= 0 && b < DurationHistogram::BucketCount);
            QVERIFY(ms >= DurationHistogram::bucketLowerMs(b));
            if (b < DurationHistogram::BucketCount - 1)
                QVERIFY(ms < DurationHistogram::bucketUpperMs(b));
        }
        for (int b = 1; b < DurationHistogram::BucketCount; ++b)
            QCOMPARE(DurationHistogram::bucketLowerMs(b), DurationHistogram::bucketUpperMs(b - 1));
    }

    void percentilesAreNearestRank()
    {
        QRandomGenerator random(19);
        for (int n : {1, 2, 3, 10, 101, 5000}) {
            DurationHistogram exact;
            QList<qint64> values;
            for (int i = 0; i < n; ++i) {
                values << drawDuration(random);
                exact.add(values.constLast());
            }
            QVERIFY(exact.isExact());
            // Stored days: two histograms read back from storage, then merged.
            StatsCell a, b;
            for (int i = 0; i < n; ++i)
                (i % 2 ? a : b).firstResponse.add(values.at(i));
            auto storedA = StatsCell::fromStorage(a.toStorage());
            auto storedB = StatsCell::fromStorage(b.toStorage());
            QVERIFY(storedA && storedB);
            storedA->merge(*storedB);
            const DurationHistogram &summed = storedA->firstResponse;
            QCOMPARE(summed.count(), qint64(n));
            QCOMPARE(summed.maxMs(), *std::max_element(values.cbegin(), values.cend()));
            QCOMPARE(summed.minMs(), *std::min_element(values.cbegin(), values.cend()));
            for (int p : {1, 50, 90, 99, 100}) {
                const qint64 truth = nearestRank(values, p);
                QCOMPARE(exact.percentileMs(p), truth);
                const qint64 estimate = summed.percentileMs(p);
                QVERIFY2(std::abs(estimate - truth) <=
                             DurationHistogram::absoluteErrorMs(truth) + 1,
                         qPrintable(QStringLiteral("n=%1 p%2: %3 vs %4")
                                        .arg(n)
                                        .arg(p)
                                        .arg(estimate)
                                        .arg(truth)));
            }
            // "Within N minutes" is exact either way.
            for (int minutes : {1, 5, 30, 240}) {
                const auto within = std::count_if(values.cbegin(), values.cend(),
                                                  [&](qint64 v) { return v <= minutes * 60000LL; });
                QCOMPARE(summed.countWithin(minutes), qint64(within));
            }
        }
    }

    void cellsAddUpInAnyOrder()
    {
        QRandomGenerator random(7);
        QList<StatsCell> days(5);
        for (StatsCell &c : days) {
            c.received = random.bounded(50);
            c.closed = random.bounded(40);
            c.ratings[size_t(random.bounded(5))] += 3;
            c.rated = 3;
            c.receivedByHour[size_t(random.bounded(7))][size_t(random.bounded(24))] += 2;
            c.representatives.insert(random.bounded(20));
            c.transfers[{true, 3, QStringLiteral("不属本部门职责")}] += 1;
            for (int i = 0; i < 30; ++i)
                c.waiting.add(drawDuration(random));
            c.dropSamples();
        }
        StatsCell forward, backward;
        for (int i = 0; i < days.size(); ++i) {
            forward.merge(days.at(i));
            backward.merge(days.at(days.size() - 1 - i));
        }
        QVERIFY(forward == backward);
        QCOMPARE(forward.transfers.size(), size_t(1));
        QCOMPARE(forward.transfers.begin()->second, qint64(5));
        QCOMPARE(forward.ratingSum() > 0, true);
    }

    void codecsRoundTripAndRefuseDamage()
    {
        StatsCell c;
        c.received = 4;
        c.voiceMsIn = 61000;
        c.ratings = {0, 0, 1, 0, 2};
        c.rated = 3;
        c.firstResponse.add(42000);
        c.firstResponse.add(7200000);
        c.transfers[{false, 9, QStringLiteral("请专人答复")}] = 2;
        c.representatives = {1, 2, 3};
        c.dropSamples();
        const auto stored = StatsCell::fromStorage(c.toStorage());
        QVERIFY(stored);
        QVERIFY(*stored == c);
        // Truncated anywhere: refused, never half read.
        const QByteArray bytes = c.toStorage();
        for (int cut = 0; cut < bytes.size(); cut += 7)
            QVERIFY(!StatsCell::fromStorage(bytes.left(cut)));

        const auto wire = StatsCell::fromJson(c.toJson());
        QVERIFY(wire);
        QCOMPARE(wire->firstResponse, c.firstResponse);
        QCOMPARE(wire->transfers, c.transfers);
        QCOMPARE(wire->representatives.size(), c.representatives.size());
        QCOMPARE(c.toJson()
                     .value(QLatin1String("firstResponse"))
                     .toObject()
                     .value(QLatin1String("p50Ms"))
                     .toInteger(),
                 qint64(42000));

        // What the server reports is what the receiver shows: an exact p50 over buckets that
        // would give an estimate, and the exact flag with it.
        DurationHistogram exact;
        for (qint64 ms : {61000LL, 62000LL, 125000LL, 900000LL, 3600000LL})
            exact.add(ms);
        StatsCell withExact;
        withExact.firstResponse = exact;
        const auto received = StatsCell::fromJson(withExact.toJson());
        QVERIFY(received);
        QVERIFY(received->firstResponse.isExact());
        QCOMPARE(received->firstResponse.percentileMs(50), qint64(125000));
        QCOMPARE(received->firstResponse.percentileMs(90), qint64(3600000));
        StatsCell estimated = withExact;
        estimated.dropSamples();
        const auto receivedEstimate = StatsCell::fromJson(estimated.toJson());
        QVERIFY(receivedEstimate && !receivedEstimate->firstResponse.isExact());
        QVERIFY(receivedEstimate->firstResponse.percentileMs(50) != qint64(125000));

        QJsonObject broken = c.toJson();
        QJsonObject first = broken.value(QLatin1String("firstResponse")).toObject();
        first.insert(QStringLiteral("count"), 3); // buckets say 2
        broken.insert(QStringLiteral("firstResponse"), first);
        QVERIFY(!StatsCell::fromJson(broken));
        broken = c.toJson();
        broken.insert(QStringLiteral("closed"), -1);
        QVERIFY(!StatsCell::fromJson(broken));

        StatsReport report;
        report.departmentId = 3;
        report.from = QDate(2026, 12, 1);
        report.to = QDate(2026, 12, 2);
        report.timeZone = QStringLiteral("Asia/Shanghai");
        report.department = c;
        report.days = {DayCounts::of(report.from, c), DayCounts{report.to}};
        report.responders = {{5, 2, c}};
        report.groups = {{QStringLiteral("npc"), QStringLiteral("浦东新区代表团"), c}};
        const auto back = StatsReport::fromJson(report.toJson());
        QVERIFY(back);
        QCOMPARE(back->days, report.days);
        QCOMPARE(back->responders.first().openNow, qint64(2));
        QCOMPARE(back->groups.first().name, QStringLiteral("浦东新区代表团"));
        QJsonObject noDays = report.toJson();
        noDays.insert(QStringLiteral("to"), QStringLiteral("2026-11-30")); // before from
        QVERIFY(!StatsReport::fromJson(noDays));
    }
};

QTEST_GUILESS_MAIN(TestStatsNumbers)
#include "tst_statsnumbers.moc"
