// The domain's records and their JSON, written once for client and server: every field
// survives the trip through the wire format, the wire carries exactly the keys
// docs/protocol.md lists, and what the protocol does not define is refused.
#include "app/domain/Consultation.h"
#include "app/domain/Directory.h"
#include "app/domain/Message.h"
#include "app/domain/Principal.h"
#include "app/protocol/Requests.h"

#include <QJsonArray>
#include <QtTest>

namespace {
QStringList keysOf(const QJsonObject &json)
{
    QStringList keys = json.keys();
    keys.sort();
    return keys;
}

QStringList sorted(std::initializer_list<const char *> names)
{
    QStringList keys;
    for (const char *name : names)
        keys << QString::fromLatin1(name);
    keys.sort();
    return keys;
}

Consultation sampleConsultation()
{
    return Consultation{42,
                        QStringLiteral("c-1"),
                        501,
                        4,
                        ConsultationState::Closed,
                        12,
                        QStringLiteral("电梯加装补贴"),
                        1000,
                        2000,
                        3000,
                        QStringLiteral("已答复"),
                        5,
                        QStringLiteral("很好"),
                        4000,
                        Transfer{3, 11, 4, 12, QStringLiteral("属本部门职责"), 11, 1500},
                        77};
}
} // namespace

class TestRecords : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void vocabularyRoundTrips()
    {
        for (auto state :
             {ConsultationState::Waiting, ConsultationState::Claimed, ConsultationState::Closed})
            QCOMPARE(fromWireName<ConsultationState>(wireName(state)), state);
        for (auto kind : {MessageKind::Text, MessageKind::Voice, MessageKind::System})
            QCOMPARE(fromWireName<MessageKind>(wireName(kind)), kind);
        QCOMPARE(wireName(ConsultationState::Claimed), QStringLiteral("claimed"));
        QCOMPARE(wireName(ScriptScope::Personal), QStringLiteral("personal"));
        QVERIFY(!fromWireName<ConsultationState>(u"archived"));
        QVERIFY(!fromWireName<MessageKind>(u"Text")); // names are case-sensitive on the wire
    }

    void consultationRoundTrips()
    {
        const Consultation c = sampleConsultation();
        const QJsonObject json = c.toJson();
        QCOMPARE(keysOf(json), sorted({"id", "clientId", "representativeId", "departmentId",
                                       "state", "assigneeId", "subject", "createdAt", "claimedAt",
                                       "closedAt", "closeSummary", "rating", "ratingComment",
                                       "ratedAt", "lastTransfer", "seq"}));
        QCOMPARE(keysOf(json.value(QLatin1String("lastTransfer")).toObject()),
                 sorted({"fromDepartmentId", "fromResponderId", "toDepartmentId", "toResponderId",
                         "reason", "byResponderId", "at"}));
        const auto back = Consultation::fromJson(json);
        QVERIFY(back);
        QCOMPARE(back->toJson(), json);
        QCOMPARE(back->state, ConsultationState::Closed);
        QCOMPARE(back->lastTransfer->reason, QStringLiteral("属本部门职责"));
    }

    void absentValuesAreNull()
    {
        Consultation c = sampleConsultation();
        c.state = ConsultationState::Waiting;
        c.assigneeId = 0;
        c.claimedAt = c.closedAt = c.ratedAt = 0;
        c.rating = 0;
        c.lastTransfer.reset();
        const QJsonObject json = c.toJson();
        for (const char *key :
             {"assigneeId", "claimedAt", "closedAt", "rating", "ratedAt", "lastTransfer"})
            QVERIFY2(json.value(QLatin1String(key)).isNull(), key);
        const auto back = Consultation::fromJson(json);
        QVERIFY(back && !back->lastTransfer && back->assigneeId == 0);
    }

    void messagesOfEachKind()
    {
        Message text{7,
                     42,
                     SenderKind::Responder,
                     12,
                     QStringLiteral("m-1"),
                     MessageKind::Text,
                     QStringLiteral("您好"),
                     {},
                     {},
                     1000,
                     8};
        QCOMPARE(keysOf(text.toJson()),
                 sorted({"id", "consultationId", "senderKind", "senderId", "clientMsgId", "kind",
                         "createdAt", "seq", "text"}));
        QCOMPARE(Message::fromJson(text.toJson())->toJson(), text.toJson());

        Message voice = text;
        voice.kind = MessageKind::Voice;
        voice.text.clear();
        voice.voice = VoiceInfo{8200, 30000, QStringLiteral("AAAA")};
        const QJsonObject clip = voice.toJson().value(QLatin1String("voice")).toObject();
        QCOMPARE(keysOf(clip), sorted({"durationMs", "bytes", "waveform", "mime"}));
        QCOMPARE(clip.value(QLatin1String("mime")).toString(),
                 QStringLiteral("audio/ogg; codecs=opus"));
        QCOMPARE(Message::fromJson(voice.toJson())->voice.durationMs, 8200);

        Message system{
            9,    42, SenderKind::System,
            0,    {}, MessageKind::System,
            {},   {}, QJsonObject{{QStringLiteral("event"), QStringLiteral("transferred")}},
            1000, 10};
        QVERIFY(system.toJson().value(QLatin1String("senderId")).isNull());
        QCOMPARE(Message::fromJson(system.toJson())->systemEvent(), SystemEvent::Transferred);
    }

    void directoryRecordsRoundTrip()
    {
        const Representative r{501,
                               QStringLiteral("rep0001"),
                               QStringLiteral("王建国"),
                               RepresentativeKind::Cppcc,
                               {},
                               QStringLiteral("教育界"),
                               QStringLiteral("市第一中学"),
                               Contact{QStringLiteral("13800000000"), QStringLiteral("021-1"),
                                       QStringLiteral("w@example.cn"), QStringLiteral("上海")},
                               3};
        QCOMPARE(keysOf(r.toJson()), sorted({"id", "login", "name", "kind", "delegation", "sector",
                                             "organization", "contact", "seq"}));
        QCOMPARE(Representative::fromJson(r.toJson())->toJson(), r.toJson());

        const Proposal p{9,
                         501,
                         QStringLiteral("0123"),
                         2025,
                         ProposalKind::Proposal,
                         QStringLiteral("关于加装电梯的提案"),
                         QStringLiteral("城建"),
                         QStringLiteral("Urban development"),
                         ProposalStatus::Concluded,
                         0,
                         {4, 6},
                         {},
                         5};
        QCOMPARE(keysOf(p.toJson()),
                 sorted({"id", "representativeId", "number", "year", "kind", "title", "category",
                         "categoryEn", "status", "leadDepartmentId", "coDepartmentIds",
                         "replySummary", "seq"}));
        QVERIFY(p.toJson().value(QLatin1String("leadDepartmentId")).isNull());
        QCOMPARE(p.toJson().value(QLatin1String("status")).toString(), QStringLiteral("concluded"));
        QCOMPARE(Proposal::fromJson(p.toJson())->coDepartmentIds, (QList<qint64>{4, 6}));
        QCOMPARE(Proposal::fromJson(p.toJson())->toJson(), p.toJson());
        // A status the protocol does not define is refused, not shown as something else.
        QJsonObject unknownStatus = p.toJson();
        unknownStatus.insert(QStringLiteral("status"), QStringLiteral("已办结"));
        QVERIFY(!Proposal::fromJson(unknownStatus));

        const Responder o{12,
                          QStringLiteral("jw.2"),
                          QStringLiteral("李娜"),
                          4,
                          ResponderRole::Lead,
                          QStringLiteral("科长"),
                          true,
                          true,
                          2};
        QCOMPARE(Responder::fromJson(o.toJson())->toJson(), o.toJson());
        const Department d{4, QStringLiteral("JW"), QStringLiteral("教委"),
                           QStringLiteral("Education Commission"), 1};
        QCOMPARE(Department::fromJson(d.toJson())->toJson(), d.toJson());
    }

    void principalRoundTrips()
    {
        Principal lead;
        lead.kind = Principal::Kind::Responder;
        lead.id = 12;
        lead.name = QStringLiteral("李娜");
        lead.departmentId = 4;
        lead.lead = true;
        lead.scriptEditor = true;
        const auto back = Principal::fromJson(lead.toJson());
        QVERIFY(back && back->lead && back->scriptEditor && back->departmentId == 4);
        QVERIFY(!Principal::fromJson(
            {{QStringLiteral("kind"), QStringLiteral("admin")}, {QStringLiteral("id"), 1}}));
    }

    // A record the protocol does not define is refused, not stored half-read.
    void unknownNamesAreRefused()
    {
        QJsonObject c = sampleConsultation().toJson();
        c.insert(QStringLiteral("state"), QStringLiteral("archived"));
        QVERIFY(!Consultation::fromJson(c));
        QJsonObject m{{QStringLiteral("id"), 1},
                      {QStringLiteral("consultationId"), 2},
                      {QStringLiteral("senderKind"), QStringLiteral("bot")},
                      {QStringLiteral("kind"), QStringLiteral("text")}};
        QVERIFY(!Message::fromJson(m));
        QVERIFY(!Representative::fromJson({{QStringLiteral("id"), 1}})); // no kind
    }

    // The typed requests the client builds are what the server reads back.
    void requestsRoundTrip()
    {
        const TransferRequest sent{42, 0, 12, QStringLiteral("请协助")};
        ParamReader in(sent.toParams());
        const TransferRequest read = TransferRequest::read(in);
        QVERIFY(in.ok());
        QCOMPARE(read.consultationId, 42);
        QCOMPARE(read.toResponderId, 12);
        QCOMPARE(read.reason, QStringLiteral("请协助"));

        ParamReader both(TransferRequest{42, 4, 12, QStringLiteral("x")}.toParams());
        TransferRequest::read(both);
        QVERIFY(!both.ok()); // exactly one target
        QCOMPARE(both.error().code, ErrorCode::BadRequest);

        ParamReader history(HistoryRequest{42, 0, 0}.toParams());
        const HistoryRequest h = HistoryRequest::read(history);
        QVERIFY(history.ok());
        QVERIFY(h.limit > 0); // the server's default when none is asked for
    }
};

QTEST_APPLESS_MAIN(TestRecords)
#include "tst_records.moc"
