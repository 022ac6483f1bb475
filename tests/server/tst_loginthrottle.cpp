// Sign-in throttling as a client lives it: the wait the server announces is enough, a burst
// gets no more password checks than the threshold, and further failures wait longer.
#include "server/auth/LoginThrottle.h"

#include <QtTest>

class TestLoginThrottle : public QObject
{
    Q_OBJECT
private:
    static constexpr qint64 t0 = 1000000;
    const QString account = QStringLiteral("r:jw.2");
    const QString address = QStringLiteral("127.0.0.1");

    void fail(LoginThrottle &throttle, int times, qint64 now)
    {
        for (int i = 0; i < times; ++i) {
            QCOMPARE(throttle.begin(account, address, now), 0);
            throttle.finish(account, address, false, now);
        }
    }

private Q_SLOTS:
    void waitingTheAnnouncedTimeIsEnough()
    {
        LoginThrottle throttle;
        fail(throttle, LoginThrottle::accountThreshold, t0);
        const qint64 wait = throttle.begin(account, address, t0);
        QCOMPARE(wait, LoginThrottle::baseDelayMs);
        // The right password, tried when told: it is checked, and it signs in.
        QCOMPARE(throttle.begin(account, address, t0 + wait), 0);
        throttle.finish(account, address, true, t0 + wait);
        // A success forgives: the next failures start counting from zero.
        fail(throttle, LoginThrottle::accountThreshold - 1, t0 + wait);
        QCOMPARE(throttle.begin(account, address, t0 + wait), 0);
    }

    void aFailureAfterTheBlockDoublesTheWait()
    {
        LoginThrottle throttle;
        fail(throttle, LoginThrottle::accountThreshold, t0);
        const qint64 after = t0 + LoginThrottle::baseDelayMs;
        fail(throttle, 1, after);
        QCOMPARE(throttle.begin(account, address, after), 2 * LoginThrottle::baseDelayMs);
    }

    void afterABlockOnlyOneCheckRunsAtOnce()
    {
        LoginThrottle throttle;
        fail(throttle, LoginThrottle::accountThreshold, t0);
        const qint64 after = t0 + LoginThrottle::baseDelayMs;
        QCOMPARE(throttle.begin(account, address, after), 0);
        QCOMPARE(throttle.begin(account, address, after), LoginThrottle::pendingRetryMs);
    }

    void aBurstGetsNoMoreChecksThanTheThreshold()
    {
        LoginThrottle throttle;
        int started = 0;
        for (int i = 0; i < 50; ++i)
            started += throttle.begin(account, address, t0) == 0 ? 1 : 0;
        QCOMPARE(started, LoginThrottle::accountThreshold);
    }
};

QTEST_APPLESS_MAIN(TestLoginThrottle)
#include "tst_loginthrottle.moc"
