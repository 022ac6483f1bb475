// Who may do what to a consultation: one table of cases (docs/protocol.md section 6, "Who may do
// what"), checked against the server's AccessPolicy (the error a request gets) and against the
// domain rule the console enables its actions with, so the two cannot drift apart.
#include "app/domain/ConsultationRules.h"
#include "server/services/AccessPolicy.h"

#include <QtTest>

namespace {
Principal responder(qint64 id, qint64 department, bool lead = false)
{
    Principal p;
    p.kind = Principal::Kind::Responder;
    p.id = id;
    p.departmentId = department;
    p.lead = lead;
    return p;
}

Principal representative(qint64 id)
{
    Principal p;
    p.kind = Principal::Kind::Representative;
    p.id = id;
    return p;
}

// The cast of the table: the holder (1), a colleague (2) and the lead (3) of department 7, a
// lead of department 8 (4), the representative who asked (100) and another one (101).
Principal person(const QString &who)
{
    if (who == QLatin1String("holder"))
        return responder(1, 7);
    if (who == QLatin1String("colleague"))
        return responder(2, 7);
    if (who == QLatin1String("lead"))
        return responder(3, 7, true);
    if (who == QLatin1String("outsiderLead"))
        return responder(4, 8, true);
    if (who == QLatin1String("asker"))
        return representative(100);
    return representative(101);
}

Consultation consultation(ConsultationState state, bool rated = false)
{
    Consultation c;
    c.id = 1;
    c.representativeId = 100;
    c.departmentId = 7;
    c.state = state;
    c.assigneeId = state == ConsultationState::Waiting ? 0 : 1;
    c.rating = rated ? 4 : 0;
    return c;
}

QString outcome(const std::optional<ProtocolError> &error)
{
    return error ? errorCodeName(error->code) : QStringLiteral("allowed");
}

QString outcome(const ActionVerdict &verdict)
{
    switch (verdict.outcome) {
    case ActionVerdict::Outcome::Allowed:
        return QStringLiteral("allowed");
    case ActionVerdict::Outcome::Forbidden:
        return QStringLiteral("forbidden");
    case ActionVerdict::Outcome::Conflict:
        break;
    }
    return QStringLiteral("conflict");
}
} // namespace

class TestAccessPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rules_data()
    {
        using S = ConsultationState;
        using A = ConsultationAction;
        QTest::addColumn<QString>("who");
        QTest::addColumn<ConsultationState>("state");
        QTest::addColumn<bool>("rated");
        QTest::addColumn<ConsultationAction>("action");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *name, const char *who, S state, A action,
                            const char *expected, bool rated = false) {
            QTest::newRow(name) << QString::fromLatin1(who) << state << rated << action
                                << QString::fromLatin1(expected);
        };
        row("colleague claims waiting", "colleague", S::Waiting, A::Claim, "allowed");
        row("colleague claims claimed", "colleague", S::Claimed, A::Claim, "conflict");
        row("outsider lead claims", "outsiderLead", S::Waiting, A::Claim, "forbidden");
        row("representative claims", "asker", S::Waiting, A::Claim, "forbidden");
        row("closed is not claimed", "colleague", S::Closed, A::Claim, "conflict");

        row("holder replies", "holder", S::Claimed, A::Reply, "allowed");
        row("colleague replies to claimed", "colleague", S::Claimed, A::Reply, "forbidden");
        row("colleague replies to waiting", "colleague", S::Waiting, A::Reply, "conflict");
        row("lead replies to a colleague's", "lead", S::Claimed, A::Reply, "forbidden");
        row("outsider lead replies to a waiting one", "outsiderLead", S::Waiting, A::Reply,
            "forbidden");
        row("asker writes while waiting", "asker", S::Waiting, A::Reply, "allowed");
        row("asker writes when closed", "asker", S::Closed, A::Reply, "conflict");
        row("holder replies when closed", "holder", S::Closed, A::Reply, "conflict");

        row("holder transfers to a person", "holder", S::Claimed, A::TransferToResponder,
            "allowed");
        row("colleague transfers a claimed one", "colleague", S::Claimed, A::TransferToResponder,
            "forbidden");
        row("lead transfers a claimed one", "lead", S::Claimed, A::TransferToResponder, "allowed");
        row("colleague triages a waiting one", "colleague", S::Waiting, A::TransferToDepartment,
            "allowed");
        row("colleague hands a waiting one to a person", "colleague", S::Waiting,
            A::TransferToResponder, "forbidden");
        row("outsider lead transfers", "outsiderLead", S::Claimed, A::TransferToDepartment,
            "forbidden");
        row("lead transfers a closed one", "lead", S::Closed, A::TransferToDepartment, "conflict");
        row("representative transfers", "asker", S::Waiting, A::TransferToDepartment, "forbidden");

        row("holder closes", "holder", S::Claimed, A::Close, "allowed");
        row("colleague closes", "colleague", S::Claimed, A::Close, "forbidden");
        row("lead closes a waiting one", "lead", S::Waiting, A::Close, "allowed");
        row("holder closes a closed one", "holder", S::Closed, A::Close, "conflict");
        row("outsider lead closes", "outsiderLead", S::Claimed, A::Close, "forbidden");

        row("asker rates", "asker", S::Closed, A::Rate, "allowed");
        row("asker rates twice", "asker", S::Closed, A::Rate, "conflict", true);
        row("asker rates an open one", "asker", S::Claimed, A::Rate, "conflict");
        row("another representative rates", "other", S::Closed, A::Rate, "forbidden");
        row("holder rates", "holder", S::Closed, A::Rate, "forbidden");
    }

    void rules()
    {
        QFETCH(QString, who);
        QFETCH(ConsultationState, state);
        QFETCH(bool, rated);
        QFETCH(ConsultationAction, action);
        QFETCH(QString, expected);
        const Principal p = person(who);
        const Consultation c = consultation(state, rated);
        QCOMPARE(outcome(AccessPolicy::check(action, p, c)), expected); // the server's answer
        QCOMPARE(outcome(judge(action, p, c)), expected);               // the console's rule
    }

    // A conflict tells the client the state reached, so a repeated claim or close can tell
    // that it (or a colleague) already got there.
    void conflictCarriesTheState()
    {
        const auto refused =
            AccessPolicy::check(ConsultationAction::Claim, person(QStringLiteral("colleague")),
                                consultation(ConsultationState::Claimed));
        QVERIFY(refused);
        QCOMPARE(refused->details.value(QLatin1String("state")).toString(),
                 QStringLiteral("claimed"));
        QCOMPARE(refused->details.value(QLatin1String("assigneeId")).toInteger(), 1);
    }
};

QTEST_APPLESS_MAIN(TestAccessPolicy)
#include "tst_accesspolicy.moc"
