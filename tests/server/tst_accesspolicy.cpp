// The access rules as pure functions: each role against each state.
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

ConsultationRecord consultation(const char *state, qint64 assignee = 0)
{
    ConsultationRecord c;
    c.id = 1;
    c.representativeId = 100;
    c.departmentId = 7;
    c.state = QLatin1String(state);
    c.assigneeId = assignee;
    return c;
}

QString outcome(const std::optional<ProtocolError> &error)
{
    return error ? errorCodeName(error->code) : QStringLiteral("allowed");
}
} // namespace

class TestAccessPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rules()
    {
        const Principal holder = responder(1, 7);
        const Principal colleague = responder(2, 7);
        const Principal lead = responder(3, 7, true);
        const Principal outsiderLead = responder(4, 8, true);
        const Principal asker = representative(100);

        QCOMPARE(outcome(AccessPolicy::canClaim(colleague, consultation("waiting"))),
                 QStringLiteral("allowed"));
        QCOMPARE(outcome(AccessPolicy::canClaim(colleague, consultation("claimed", 1))),
                 QStringLiteral("conflict"));
        QCOMPARE(outcome(AccessPolicy::canClaim(outsiderLead, consultation("waiting"))),
                 QStringLiteral("forbidden"));
        QCOMPARE(outcome(AccessPolicy::canClaim(asker, consultation("waiting"))),
                 QStringLiteral("forbidden"));

        QCOMPARE(outcome(AccessPolicy::canSend(holder, consultation("claimed", 1))),
                 QStringLiteral("allowed"));
        QCOMPARE(outcome(AccessPolicy::canSend(colleague, consultation("claimed", 1))),
                 QStringLiteral("forbidden"));
        QCOMPARE(outcome(AccessPolicy::canSend(colleague, consultation("waiting"))),
                 QStringLiteral("conflict"));
        QCOMPARE(outcome(AccessPolicy::canSend(asker, consultation("waiting"))),
                 QStringLiteral("allowed"));
        QCOMPARE(outcome(AccessPolicy::canSend(asker, consultation("closed", 1))),
                 QStringLiteral("conflict"));

        QCOMPARE(outcome(AccessPolicy::canTransfer(holder, consultation("claimed", 1), true)),
                 QStringLiteral("allowed"));
        QCOMPARE(outcome(AccessPolicy::canTransfer(colleague, consultation("claimed", 1), true)),
                 QStringLiteral("forbidden"));
        QCOMPARE(outcome(AccessPolicy::canTransfer(lead, consultation("claimed", 1), true)),
                 QStringLiteral("allowed"));
        QCOMPARE(outcome(AccessPolicy::canTransfer(colleague, consultation("waiting"), false)),
                 QStringLiteral("allowed"));
        QCOMPARE(outcome(AccessPolicy::canTransfer(colleague, consultation("waiting"), true)),
                 QStringLiteral("forbidden"));
        QCOMPARE(
            outcome(AccessPolicy::canTransfer(outsiderLead, consultation("claimed", 1), false)),
            QStringLiteral("forbidden"));
        QCOMPARE(outcome(AccessPolicy::canTransfer(lead, consultation("closed", 1), false)),
                 QStringLiteral("conflict"));

        QCOMPARE(outcome(AccessPolicy::canClose(holder, consultation("claimed", 1))),
                 QStringLiteral("allowed"));
        QCOMPARE(outcome(AccessPolicy::canClose(colleague, consultation("claimed", 1))),
                 QStringLiteral("forbidden"));
        QCOMPARE(outcome(AccessPolicy::canClose(lead, consultation("waiting"))),
                 QStringLiteral("allowed"));
        QCOMPARE(outcome(AccessPolicy::canClose(holder, consultation("closed", 1))),
                 QStringLiteral("conflict"));

        ConsultationRecord rated = consultation("closed", 1);
        rated.rating = 4;
        QCOMPARE(outcome(AccessPolicy::canRate(asker, consultation("closed", 1))),
                 QStringLiteral("allowed"));
        QCOMPARE(outcome(AccessPolicy::canRate(asker, rated)), QStringLiteral("conflict"));
        QCOMPARE(outcome(AccessPolicy::canRate(asker, consultation("claimed", 1))),
                 QStringLiteral("conflict"));
        QCOMPARE(outcome(AccessPolicy::canRate(representative(101), consultation("closed", 1))),
                 QStringLiteral("forbidden"));
        QCOMPARE(outcome(AccessPolicy::canRate(holder, consultation("closed", 1))),
                 QStringLiteral("forbidden"));
    }
};

QTEST_APPLESS_MAIN(TestAccessPolicy)
#include "tst_accesspolicy.moc"
