// The consultation lifecycle through the real server: create, claim (atomically), reply,
// transfer with a reason, close, rate; and who hears about each step.
#include "IntegrationFixture.h"
#include "app/protocol/Methods.h"
#include "app/protocol/Requests.h"

#include <QJsonArray>
#include <QtTest>

namespace {
QJsonObject consultationOf(const QJsonObject &result)
{
    return result.value(QLatin1String("consultation")).toObject();
}

std::function<bool(const QJsonObject &)> aboutConsultation(qint64 id)
{
    return [id](const QJsonObject &data) {
        return consultationOf(data).value(QLatin1String("id")).toInteger() == id ||
               data.value(QLatin1String("consultationId")).toInteger() == id ||
               data.value(QLatin1String("message"))
                       .toObject()
                       .value(QLatin1String("consultationId"))
                       .toInteger() == id;
    };
}
} // namespace

class TestConsultations : public QObject
{
    Q_OBJECT
private:
    IntegrationFixture fx;
    std::unique_ptr<TestClient> rep, lead, a1, a2, b;

    qint64 openConsultation(const QString &subject)
    {
        return rep->openConsultation(fx.cast.deptA, subject);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(fx.start());
        rep = fx.representative(fx.cast.rep1);
        lead = fx.responder(fx.cast.leadA);
        a1 = fx.responder(fx.cast.responderA1);
        a2 = fx.responder(fx.cast.responderA2);
        b = fx.responder(fx.cast.responderB);
        QVERIFY(rep && lead && a1 && a2 && b);
    }

    void cleanupTestCase() { QVERIFY(fx.server.stop()); }

    void createIsAnnouncedToTheDepartmentOnly()
    {
        const QString clientId = QUuid::createUuid().toString();
        const QJsonObject params{
            {QStringLiteral("departmentId"), fx.cast.deptA},
            {QStringLiteral("subject"), QStringLiteral("请问今年幼升小的报名时间？")},
            {QStringLiteral("clientId"), clientId}};
        const QJsonObject first = rep->ok(QStringLiteral("consultation.create"), params);
        QCOMPARE(first.value(QLatin1String("duplicate")).toBool(), false);
        const QJsonObject c = consultationOf(first);
        QCOMPARE(c.value(QLatin1String("state")).toString(), QStringLiteral("waiting"));

        const auto seenByA1 = a1->waitForEvent(QStringLiteral("consultation.created"));
        QVERIFY(seenByA1);
        QCOMPARE(consultationOf(*seenByA1).value(QLatin1String("subject")).toString(),
                 QStringLiteral("请问今年幼升小的报名时间？"));
        QVERIFY(a2->waitForEvent(QStringLiteral("consultation.created")));
        QVERIFY(lead->waitForEvent(QStringLiteral("consultation.created")));
        QVERIFY(b->noEvent(QStringLiteral("consultation.created")));

        // Repeating the same client id (a resend after a lost reply) creates nothing new.
        const QJsonObject again = rep->ok(QStringLiteral("consultation.create"), params);
        QCOMPARE(again.value(QLatin1String("duplicate")).toBool(), true);
        QCOMPARE(consultationOf(again).value(QLatin1String("id")), c.value(QLatin1String("id")));
        QVERIFY(a1->noEvent(QStringLiteral("consultation.created")));
    }

    void twoSimultaneousClaimsExactlyOneWins()
    {
        for (int round = 0; round < 5; ++round) {
            const qint64 id = openConsultation(QStringLiteral("同时认领 %1").arg(round));
            const auto answers =
                TestClient::callAtOnce(*a1, *a2, QStringLiteral("consultation.claim"),
                                       {{QStringLiteral("consultationId"), id}});
            QVERIFY(answers);
            const std::optional<Frame> r1 = answers->first, r2 = answers->second;
            const int wins = (r1->type == Frame::Type::Result) + (r2->type == Frame::Type::Result);
            QCOMPARE(wins, 1);
            const Frame &loser = r1->type == Frame::Type::Result ? *r2 : *r1;
            QCOMPARE(loser.errorCode, ErrorCode::Conflict);
            QCOMPARE(loser.payload.value(QLatin1String("state")).toString(),
                     QStringLiteral("claimed"));
            const qint64 winnerId =
                r1->type == Frame::Type::Result ? fx.cast.responderA1Id : fx.cast.responderA2Id;
            QCOMPARE(loser.payload.value(QLatin1String("assigneeId")).toInteger(), winnerId);
        }
    }

    void replyIsDeliveredOnceEvenWhenResent()
    {
        const qint64 id = openConsultation(QStringLiteral("医保异地结算怎么办理？"));
        QVERIFY(a1->waitForEvent(QStringLiteral("consultation.created"), aboutConsultation(id)));
        a1->ok(QStringLiteral("consultation.claim"), {{QStringLiteral("consultationId"), id}});
        const auto update =
            rep->waitForEvent(QStringLiteral("consultation.updated"), aboutConsultation(id));
        QVERIFY(update);
        QCOMPARE(consultationOf(*update).value(QLatin1String("assigneeId")).toInteger(),
                 fx.cast.responderA1Id);

        const QJsonObject send{
            {QStringLiteral("consultationId"), id},
            {QStringLiteral("clientMsgId"), QStringLiteral("reply-1")},
            {QStringLiteral("text"), QStringLiteral("您好，可通过“随申办”申请备案。")}};
        const QJsonObject first = a1->ok(QStringLiteral("message.send"), send);
        QCOMPARE(first.value(QLatin1String("duplicate")).toBool(), false);
        const QJsonObject again = a1->ok(QStringLiteral("message.send"), send);
        QCOMPARE(again.value(QLatin1String("duplicate")).toBool(), true);
        QCOMPARE(again.value(QLatin1String("message")).toObject().value(QLatin1String("id")),
                 first.value(QLatin1String("message")).toObject().value(QLatin1String("id")));

        const auto isReply = [](const QJsonObject &data) {
            return data.value(QLatin1String("message"))
                       .toObject()
                       .value(QLatin1String("clientMsgId")) == QLatin1String("reply-1");
        };
        QVERIFY(rep->waitForEvent(QStringLiteral("message.created"), isReply));
        QVERIFY(!rep->waitForEvent(QStringLiteral("message.created"), isReply, 700));
        const QJsonArray history =
            rep->ok(QStringLiteral("messages.history"), {{QStringLiteral("consultationId"), id}})
                .value(QLatin1String("messages"))
                .toArray();
        int stored = 0;
        for (const QJsonValue &m : history)
            stored += m.toObject().value(QLatin1String("clientMsgId")).toString() ==
                      QLatin1String("reply-1");
        QCOMPARE(stored, 1);

        // Someone who does not hold it cannot answer in the responder's place.
        QCOMPARE(a2->fails(QStringLiteral("message.send"),
                           {{QStringLiteral("consultationId"), id},
                            {QStringLiteral("clientMsgId"), QStringLiteral("x")},
                            {QStringLiteral("text"), QStringLiteral("抢答")}}),
                 QStringLiteral("forbidden"));
    }

    // A shared desk's next session reports replies discarded undelivered at a sign-out: the
    // server keeps each once, refuses representatives and malformed reports, and counts what
    // names no consultation.
    void discardedRepliesAreRecordedOnce()
    {
        const qint64 id = openConsultation(QStringLiteral("展位咨询：社保卡补办"));
        DiscardedRepliesRequest report;
        report.replies << DiscardedRepliesRequest::Reply{QStringLiteral("kiosk-1"),
                                                         id,
                                                         fx.cast.responderA1,
                                                         QStringLiteral("text"),
                                                         42,
                                                         1000,
                                                         2000}
                       << DiscardedRepliesRequest::Reply{QStringLiteral("kiosk-2"),
                                                         999999,
                                                         fx.cast.responderA1,
                                                         QStringLiteral("voice"),
                                                         0,
                                                         1000,
                                                         2000};
        const QJsonObject first = a2->ok(QString(Method::RepliesDiscarded), report.toParams());
        QCOMPARE(first.value(QLatin1String("recorded")).toInt(), 1);
        QCOMPARE(first.value(QLatin1String("unknown")).toInt(), 1);
        const QJsonObject again = a2->ok(QString(Method::RepliesDiscarded), report.toParams());
        QCOMPARE(again.value(QLatin1String("recorded")).toInt(), 0);
        QCOMPARE(again.value(QLatin1String("duplicates")).toInt(), 1);

        QCOMPARE(rep->fails(QString(Method::RepliesDiscarded), report.toParams()),
                 QStringLiteral("forbidden"));
        report.replies.first().kind = QStringLiteral("video");
        QCOMPARE(a2->fails(QString(Method::RepliesDiscarded), report.toParams()),
                 QStringLiteral("bad_request"));
        QCOMPARE(a2->fails(QString(Method::RepliesDiscarded),
                           {{QStringLiteral("replies"), QJsonArray()}}),
                 QStringLiteral("bad_request"));
    }

    void transferCarriesTheReasonAndMovesVisibility()
    {
        const qint64 id = openConsultation(QStringLiteral("老旧小区加装电梯补贴"));
        a1->ok(QStringLiteral("consultation.claim"), {{QStringLiteral("consultationId"), id}});
        const QString reason = QStringLiteral("属于住建部门职责，请对口处室答复");
        const QJsonObject moved =
            consultationOf(a1->ok(QStringLiteral("consultation.transfer"),
                                  {{QStringLiteral("consultationId"), id},
                                   {QStringLiteral("toDepartmentId"), fx.cast.deptB},
                                   {QStringLiteral("reason"), reason}}));
        QCOMPARE(moved.value(QLatin1String("state")).toString(), QStringLiteral("waiting"));
        QCOMPARE(moved.value(QLatin1String("departmentId")).toInteger(), fx.cast.deptB);

        // The receiving department hears of it, with the reason.
        const auto arrived =
            b->waitForEvent(QStringLiteral("consultation.updated"), aboutConsultation(id));
        QVERIFY(arrived);
        QCOMPARE(consultationOf(*arrived)
                     .value(QLatin1String("lastTransfer"))
                     .toObject()
                     .value(QLatin1String("reason"))
                     .toString(),
                 reason);
        // A colleague who never held it loses sight of it; the one who did keeps it.
        QVERIFY(a2->waitForEvent(QStringLiteral("consultation.removed"), aboutConsultation(id)));
        QVERIFY(
            !a1->waitForEvent(QStringLiteral("consultation.removed"), aboutConsultation(id), 300));
        QCOMPARE(
            a2->fails(QStringLiteral("messages.history"), {{QStringLiteral("consultationId"), id}}),
            QStringLiteral("forbidden"));
        a1->ok(QStringLiteral("messages.history"), {{QStringLiteral("consultationId"), id}});

        // B claims, answers, closes; the representative rates once.
        b->ok(QStringLiteral("consultation.claim"), {{QStringLiteral("consultationId"), id}});
        b->ok(QStringLiteral("message.send"),
              {{QStringLiteral("consultationId"), id},
               {QStringLiteral("clientMsgId"), QStringLiteral("b-1")},
               {QStringLiteral("text"), QStringLiteral("补贴标准见市住建委通知。")}});
        const QJsonObject closed =
            consultationOf(b->ok(QStringLiteral("consultation.close"),
                                 {{QStringLiteral("consultationId"), id},
                                  {QStringLiteral("summary"), QStringLiteral("已告知补贴标准")}}));
        QCOMPARE(closed.value(QLatin1String("state")).toString(), QStringLiteral("closed"));
        QCOMPARE(rep->fails(QStringLiteral("message.send"),
                            {{QStringLiteral("consultationId"), id},
                             {QStringLiteral("clientMsgId"), QStringLiteral("late")},
                             {QStringLiteral("text"), QStringLiteral("还有一个问题")}}),
                 QStringLiteral("conflict"));
        const QJsonObject rated = consultationOf(
            rep->ok(QStringLiteral("consultation.rate"),
                    {{QStringLiteral("consultationId"), id}, {QStringLiteral("rating"), 5}}));
        QCOMPARE(rated.value(QLatin1String("rating")).toInt(), 5);
        QVERIFY(
            b->waitForEvent(QStringLiteral("consultation.updated"), [id](const QJsonObject &data) {
                return consultationOf(data).value(QLatin1String("id")).toInteger() == id &&
                       consultationOf(data).value(QLatin1String("rating")).toInt() == 5;
            }));
        QCOMPARE(
            rep->fails(QStringLiteral("consultation.rate"),
                       {{QStringLiteral("consultationId"), id}, {QStringLiteral("rating"), 1}}),
            QStringLiteral("conflict"));

        // The timeline records every step for the archive.
        QStringList events;
        for (const QJsonValue &m :
             b->ok(QStringLiteral("messages.history"), {{QStringLiteral("consultationId"), id}})
                 .value(QLatin1String("messages"))
                 .toArray()) {
            const QJsonObject message = m.toObject();
            if (message.value(QLatin1String("kind")) == QLatin1String("system"))
                events << message.value(QLatin1String("system"))
                              .toObject()
                              .value(QLatin1String("event"))
                              .toString();
        }
        QCOMPARE(events, (QStringList{QStringLiteral("claimed"), QStringLiteral("transferred"),
                                      QStringLiteral("claimed"), QStringLiteral("closed"),
                                      QStringLiteral("rated")}));
    }

    void leadReassignsWithinTheDepartment()
    {
        const qint64 id = openConsultation(QStringLiteral("学区划分咨询"));
        a1->ok(QStringLiteral("consultation.claim"), {{QStringLiteral("consultationId"), id}});
        // A colleague may not take it over...
        QCOMPARE(a2->fails(QStringLiteral("consultation.transfer"),
                           {{QStringLiteral("consultationId"), id},
                            {QStringLiteral("toResponderId"), fx.cast.responderA2Id},
                            {QStringLiteral("reason"), QStringLiteral("我来")}}),
                 QStringLiteral("forbidden"));
        // ...the lead may hand it to them.
        const QJsonObject moved =
            consultationOf(lead->ok(QStringLiteral("consultation.transfer"),
                                    {{QStringLiteral("consultationId"), id},
                                     {QStringLiteral("toResponderId"), fx.cast.responderA2Id},
                                     {QStringLiteral("reason"), QStringLiteral("按分工调整")}}));
        QCOMPARE(moved.value(QLatin1String("assigneeId")).toInteger(), fx.cast.responderA2Id);
        QCOMPARE(moved.value(QLatin1String("state")).toString(), QStringLiteral("claimed"));
        a2->ok(QStringLiteral("message.send"),
               {{QStringLiteral("consultationId"), id},
                {QStringLiteral("clientMsgId"), QStringLiteral("a2-1")},
                {QStringLiteral("text"), QStringLiteral("由我继续为您解答。")}});
        QCOMPARE(a1->fails(QStringLiteral("message.send"),
                           {{QStringLiteral("consultationId"), id},
                            {QStringLiteral("clientMsgId"), QStringLiteral("a1-late")},
                            {QStringLiteral("text"), QStringLiteral("...")}}),
                 QStringLiteral("forbidden"));
    }

    void representativesSeeOnlyTheirOwn()
    {
        const qint64 id = openConsultation(QStringLiteral("只有本人可见"));
        auto other = fx.representative(fx.cast.rep2);
        QVERIFY(other);
        QCOMPARE(other->fails(QStringLiteral("messages.history"),
                              {{QStringLiteral("consultationId"), id}}),
                 QStringLiteral("forbidden"));
        QCOMPARE(rep->fails(QStringLiteral("consultation.claim"),
                            {{QStringLiteral("consultationId"), id}}),
                 QStringLiteral("forbidden"));
        const QJsonArray mine =
            other
                ->ok(QStringLiteral("sync.pull"),
                     {{QStringLiteral("stream"), QStringLiteral("consultations")}})
                .value(QLatin1String("items"))
                .toArray();
        for (const QJsonValue &c : mine)
            QCOMPARE(c.toObject().value(QLatin1String("representativeId")).toInteger(),
                     fx.cast.rep2Id);
    }
};

QTEST_GUILESS_MAIN(TestConsultations)
#include "tst_consultations.moc"
