// The retry policy every durable queue shares: which answers end an item, which wait for a
// new sign-in, and how the waits grow.
#include "app/delivery/RetryPolicy.h"
#include "app/protocol/Frame.h"

#include <QtTest>

class TestRetryPolicy : public QObject
{
    Q_OBJECT
private:
    static Frame error(ErrorCode code, int retryAfterMs = -1)
    {
        Frame f;
        f.type = Frame::Type::Error;
        f.errorCode = code;
        if (retryAfterMs >= 0)
            f.payload.insert(QStringLiteral("retryAfterMs"), retryAfterMs);
        return f;
    }

private Q_SLOTS:
    void everyCodeHasAVerdict_data()
    {
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<int>("verdict");
        using V = RetryPolicy::Verdict;
        QTest::newRow("bad_request") << ErrorCode::BadRequest << int(V::Permanent);
        QTest::newRow("too_large") << ErrorCode::TooLarge << int(V::Permanent);
        QTest::newRow("conflict") << ErrorCode::Conflict << int(V::Permanent);
        QTest::newRow("forbidden") << ErrorCode::Forbidden << int(V::Permanent);
        QTest::newRow("bad_audio") << ErrorCode::BadAudio << int(V::Permanent);
        QTest::newRow("not_authenticated") << ErrorCode::NotAuthenticated << int(V::NeedsSignIn);
        QTest::newRow("token_expired") << ErrorCode::TokenExpired << int(V::NeedsSignIn);
        QTest::newRow("rate_limited") << ErrorCode::RateLimited << int(V::Transient);
        QTest::newRow("internal") << ErrorCode::Internal << int(V::Transient);
    }

    void everyCodeHasAVerdict()
    {
        QFETCH(ErrorCode, code);
        QFETCH(int, verdict);
        QCOMPARE(int(RetryPolicy::classify(code)), verdict);
    }

    void waitsDoubleUpToTheCap()
    {
        const RetryPolicy policy{1000, 60000, 0.0};
        const Frame internal = error(ErrorCode::Internal);
        QCOMPARE(policy.delayMs(1, internal, 0.5), 1000);
        QCOMPARE(policy.delayMs(2, internal, 0.5), 2000);
        QCOMPARE(policy.delayMs(5, internal, 0.5), 16000);
        QCOMPARE(policy.delayMs(7, internal, 0.5), 60000);
        QCOMPARE(policy.delayMs(1000, internal, 0.5), 60000);
    }

    void jitterSpreadsWaitsWithinItsBand()
    {
        const RetryPolicy policy{1000, 60000, 0.2};
        const Frame internal = error(ErrorCode::Internal);
        QCOMPARE(policy.delayMs(3, internal, 0.0), 3200);
        QCOMPARE(policy.delayMs(3, internal, 0.5), 4000);
        QCOMPARE(policy.delayMs(3, internal, 0.999999), 4800);
        // Never past the cap, even drawn high.
        QCOMPARE(policy.delayMs(20, internal, 0.999999), 60000);
    }

    void theServersRetryAfterIsNeverUndercut()
    {
        const RetryPolicy policy{1000, 60000, 0.2};
        QCOMPARE(policy.delayMs(1, error(ErrorCode::RateLimited, 7500), 0.0), 7500);
        QCOMPARE(policy.delayMs(5, error(ErrorCode::RateLimited, 10), 0.5), 16000);
    }
};

QTEST_APPLESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
