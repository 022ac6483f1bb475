// What the conversation offers an officer: the domain's rules with the connection in mind.
#include "app/session/AvailableActions.h"

#include <QtTest>

namespace {
Principal officer(qint64 id, bool lead = false)
{
    Principal p;
    p.kind = Principal::Kind::Responder;
    p.id = id;
    p.departmentId = 7;
    p.lead = lead;
    return p;
}

Consultation consultation(ConsultationState state, qint64 assignee = 0)
{
    Consultation c;
    c.id = 1;
    c.representativeId = 100;
    c.departmentId = 7;
    c.state = state;
    c.assigneeId = assignee;
    return c;
}
} // namespace

class TestAvailableActions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void waitingOnline()
    {
        const auto a =
            AvailableActions::of(officer(1), consultation(ConsultationState::Waiting), true);
        QVERIFY(a.claim);
        QVERIFY(a.transfer); // triage to another department
        QVERIFY(!a.close);
        QVERIFY(!a.reply);
        QCOMPARE(a.replyBlock, AvailableActions::ReplyBlock::ClaimFirst);
    }

    void offlineOffersNothingThatNeedsTheServer()
    {
        const auto a =
            AvailableActions::of(officer(1), consultation(ConsultationState::Claimed, 1), false);
        QVERIFY(!a.claim && !a.transfer && !a.close);
        QVERIFY(a.waitsForConnection);
        QVERIFY(a.reply); // replies are queued in the outbox
    }

    void colleaguesConsultation()
    {
        const auto a =
            AvailableActions::of(officer(2), consultation(ConsultationState::Claimed, 1), true);
        QVERIFY(!a.claim && !a.transfer && !a.close && !a.reply);
        QVERIFY(!a.waitsForConnection);
        QCOMPARE(a.replyBlock, AvailableActions::ReplyBlock::HeldByColleague);
    }

    void leadMayReassignAndCloseButNotReply()
    {
        const auto a = AvailableActions::of(officer(3, true),
                                            consultation(ConsultationState::Claimed, 1), true);
        QVERIFY(a.transfer);
        QVERIFY(a.close);
        QVERIFY(!a.reply);
    }

    // After handing it to another department the officer still sees it (they held it), but
    // nothing is offered any more: it waits in the other department's queue.
    void transferredAwayOffersNothing()
    {
        Consultation away = consultation(ConsultationState::Waiting);
        away.departmentId = 8;
        const auto a = AvailableActions::of(officer(1), away, true);
        QVERIFY(!a.claim && !a.transfer && !a.close && !a.reply);
        QVERIFY(!a.waitsForConnection);
        QCOMPARE(a.replyBlock, AvailableActions::ReplyBlock::OtherDepartment);
    }

    void ownClosedConsultationSaysClosed()
    {
        const auto a =
            AvailableActions::of(officer(1), consultation(ConsultationState::Closed, 1), true);
        QVERIFY(!a.claim && !a.transfer && !a.close && !a.reply);
        QCOMPARE(a.replyBlock, AvailableActions::ReplyBlock::Closed);
    }
};

QTEST_APPLESS_MAIN(TestAvailableActions)
#include "tst_availableactions.moc"
