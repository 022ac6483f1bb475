// The help-desk kiosk's rules, on a clock the test drives: an idle desk warns, then signs out,
// and any touch starts the wait again; sign-out waits for undelivered replies and gives them up
// only past the administrator's limit; the administrator's file is read, and mistakes named.
#include "FakeClock.h"
#include "app/kiosk/IdleSignOut.h"
#include "app/kiosk/KioskConfig.h"
#include "app/kiosk/SignOutGate.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

OutboxItem reply(const QString &id)
{
    OutboxItem item;
    item.clientMsgId = id;
    item.consultationId = 7;
    item.text = QStringLiteral("您好");
    return item;
}

} // namespace

class TestKioskRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idleDeskWarnsThenSignsOut()
    {
        FakeClock time;
        IdleSignOut idle(300'000, 30'000, time.clock());
        QSignalSpy warnings(&idle, &IdleSignOut::warning);
        QSignalSpy cleared(&idle, &IdleSignOut::warningCleared);
        QSignalSpy expired(&idle, &IdleSignOut::expired);
        idle.start();

        time.advanceSeconds(269.5);
        idle.check();
        QCOMPARE(warnings.size(), 0);
        time.advanceSeconds(0.5); // 30 s left: the count-down appears
        idle.check();
        QCOMPARE(warnings.size(), 1);
        QCOMPARE(warnings.last().at(0).toInt(), 30);
        time.advanceSeconds(0.3);
        idle.check(); // still 30 on screen: nothing new
        QCOMPARE(warnings.size(), 1);
        time.advanceSeconds(1);
        idle.check();
        QCOMPARE(warnings.last().at(0).toInt(), 29);

        // Someone touches the desk: the warning goes and the five minutes start again.
        idle.activity();
        QCOMPARE(cleared.size(), 1);
        time.advanceSeconds(269);
        idle.check();
        QCOMPARE(expired.size(), 0);
        QCOMPARE(warnings.size(), 2);
        time.advanceSeconds(31);
        idle.check();
        QCOMPARE(expired.size(), 1);
        QVERIFY(!idle.isRunning());
        time.advanceSeconds(600);
        idle.check(); // once only
        QCOMPARE(expired.size(), 1);
    }

    void activityBeforeSignInCountsForNothing()
    {
        FakeClock time;
        IdleSignOut idle(60'000, 10'000, time.clock());
        QSignalSpy expired(&idle, &IdleSignOut::expired);
        idle.activity();
        time.advanceSeconds(120);
        idle.check();
        QCOMPARE(expired.size(), 0); // not watching before start()
    }

    void signOutGoesAtOnceWhenNothingWaits()
    {
        FakeClock time;
        SignOutGate gate(
            600'000, [] { return QList<OutboxItem>(); }, time.clock());
        QSignalSpy cleared(&gate, &SignOutGate::cleared);
        QSignalSpy waiting(&gate, &SignOutGate::waiting);
        gate.begin();
        QCOMPARE(cleared.size(), 1);
        QCOMPARE(waiting.size(), 0);
        QVERIFY(!gate.isWaiting());
    }

    void signOutWaitsUntilRepliesAreDelivered()
    {
        FakeClock time;
        QList<OutboxItem> outbox{reply(QStringLiteral("a")), reply(QStringLiteral("b"))};
        SignOutGate gate(
            600'000, [&outbox] { return outbox; }, time.clock());
        QSignalSpy waiting(&gate, &SignOutGate::waiting);
        QSignalSpy cleared(&gate, &SignOutGate::cleared);
        QSignalSpy discarding(&gate, &SignOutGate::discarding);
        gate.begin();
        QCOMPARE(waiting.size(), 1);
        QCOMPARE(waiting.last().at(0).value<QList<OutboxItem>>().size(), 2);
        QCOMPARE(waiting.last().at(1).toInt(), 600);

        outbox.removeFirst(); // delivered
        time.advanceSeconds(5);
        gate.check();
        QCOMPARE(waiting.last().at(0).value<QList<OutboxItem>>().size(), 1);
        QCOMPARE(waiting.last().at(1).toInt(), 595);
        outbox.clear();
        gate.check();
        QCOMPARE(cleared.size(), 1);
        QCOMPARE(discarding.size(), 0);
    }

    void pastTheLimitRepliesAreGivenUp()
    {
        FakeClock time;
        const QList<OutboxItem> outbox{reply(QStringLiteral("stuck"))};
        SignOutGate gate(
            120'000, [&outbox] { return outbox; }, time.clock());
        QSignalSpy cleared(&gate, &SignOutGate::cleared);
        QSignalSpy discarding(&gate, &SignOutGate::discarding);
        gate.begin();
        time.advanceSeconds(119);
        gate.check();
        QCOMPARE(discarding.size(), 0);
        time.advanceSeconds(1);
        gate.check();
        QCOMPARE(discarding.size(), 1);
        const auto given = discarding.last().at(0).value<QList<OutboxItem>>();
        QCOMPARE(given.size(), 1);
        QCOMPARE(given.first().clientMsgId, QStringLiteral("stuck"));
        QCOMPARE(cleared.size(), 0);
        QVERIFY(!gate.isWaiting());
    }

    void refusedRepliesAreGivenUpAtOnce()
    {
        FakeClock time;
        OutboxItem refused = reply(QStringLiteral("refused"));
        refused.state = OutboxItem::State::Failed;
        QList<OutboxItem> outbox{refused, reply(QStringLiteral("queued"))};
        SignOutGate gate(
            600'000, [&outbox] { return outbox; }, time.clock());
        QSignalSpy discarding(&gate, &SignOutGate::discarding);
        gate.begin();
        QCOMPARE(discarding.size(), 0); // one may still go out
        outbox.removeLast();
        gate.check();
        QCOMPARE(discarding.size(), 1);
    }

    void administratorsFileIsRead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kiosk.conf"));
        const auto write = [&path](const QByteArray &text) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(text);
        };

        const auto defaults = KioskConfig::load(dir.filePath(QStringLiteral("absent.conf")));
        QVERIFY(defaults);
        QCOMPARE(defaults->idleSeconds, 300);
        QCOMPARE(defaults->warningSeconds, 30);
        QVERIFY(defaults->exportFolder.isEmpty());

        write("[kiosk]\nservers = wss://10.1.2.3:8765, ws://10.1.2.4:8765\nidle-minutes = 3\n"
              "warning-seconds = 20\noutbox-limit-minutes = 2\nexport-folder = /media/usb\n"
              "language = zh\n");
        const auto set = KioskConfig::load(path);
        QVERIFY2(set, qPrintable(set ? QString() : set.error()));
        QCOMPARE(set->servers.size(), 2);
        QCOMPARE(set->servers.at(0), QUrl(QStringLiteral("wss://10.1.2.3:8765")));
        QCOMPARE(set->idleSeconds, 180);
        QCOMPARE(set->warningSeconds, 20);
        QCOMPARE(set->outboxLimitSeconds, 120);
        QCOMPARE(set->exportFolder, QStringLiteral("/media/usb"));
        QCOMPARE(set->language, QStringLiteral("zh"));

        for (const auto &[text, named] : QList<std::pair<QByteArray, QString>>{
                 {"[kiosk]\nidle-minutes = soon\n", QStringLiteral("idle-minutes")},
                 {"[kiosk]\nidle-minutes = 1\nwarning-seconds = 90\n",
                  QStringLiteral("warning-seconds")},
                 {"[kiosk]\nservers = ftp://x\n", QStringLiteral("servers")},
                 {"[kiosk]\nlanguage = fr\n", QStringLiteral("language")}}) {
            write(text);
            const auto wrong = KioskConfig::load(path);
            QVERIFY2(!wrong, text.constData());
            QVERIFY2(wrong.error().contains(named), qPrintable(wrong.error()));
        }
    }
};

QTEST_GUILESS_MAIN(TestKioskRules)
#include "tst_kioskrules.moc"
