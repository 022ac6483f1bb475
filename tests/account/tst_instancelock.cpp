// A second start for the same account hands over to the first (which is asked to raise its
// window) instead of opening the cache twice; a lock left by a killed instance is taken over.
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestInstanceLock : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir dir;

    static bool waitForLine(QProcess &process, const QByteArray &line, int timeoutMs = 10000)
    {
        QByteArray seen;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            process.waitForReadyRead(100);
            seen += process.readAllStandardOutput();
            if (seen.contains(line))
                return true;
        }
        return false;
    }

    QString probe() const { return qEnvironmentVariable("CONSULT_INSTANCE_PROBE"); }

private Q_SLOTS:
    void secondStartHandsOverToTheFirst()
    {
        const QString account = dir.filePath(QStringLiteral("accounts/abc"));
        QProcess first;
        first.start(probe(), {account});
        QVERIFY(waitForLine(first, "first"));

        QProcess second;
        second.start(probe(), {account});
        QVERIFY(second.waitForFinished(10000));
        QCOMPARE(second.exitCode(), 1);
        QVERIFY(second.readAllStandardOutput().contains("second"));
        QVERIFY(waitForLine(first, "raised"));

        // Another account is not affected.
        QProcess other;
        other.start(probe(), {dir.filePath(QStringLiteral("accounts/xyz"))});
        QVERIFY(waitForLine(other, "first"));
        other.kill();
        other.waitForFinished();

        // The first instance dies without cleaning up: the next start takes over.
        first.kill();
        first.waitForFinished();
        QProcess third;
        third.start(probe(), {account});
        QVERIFY(waitForLine(third, "first"));
        third.kill();
        third.waitForFinished();
    }
};

QTEST_GUILESS_MAIN(TestInstanceLock)
#include "tst_instancelock.moc"
