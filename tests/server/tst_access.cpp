// Access control for every request type: a responder of another department, and a
// representative other than the one who asked, are refused and change nothing.
#include "IntegrationFixture.h"
#include "app/protocol/Methods.h"

#include <QJsonArray>
#include <QtTest>

class TestAccess : public QObject
{
    Q_OBJECT
private:
    // Each case reads the history and the record before and after: more than the default burst.
    IntegrationFixture fx{{QStringLiteral("--rate"), QStringLiteral("1000"),
                           QStringLiteral("--burst"), QStringLiteral("1000")}};
    std::unique_ptr<TestClient> rep, holder, stranger, otherRep;
    qint64 consultationId = 0;
    qint64 voiceMessageId = 0;

    QJsonArray history()
    {
        return holder
            ->ok(QStringLiteral("messages.history"),
                 {{QStringLiteral("consultationId"), consultationId}})
            .value(QLatin1String("messages"))
            .toArray();
    }

    QJsonObject current()
    {
        const QJsonArray items =
            holder
                ->ok(QStringLiteral("sync.pull"),
                     {{QStringLiteral("stream"), QStringLiteral("consultations")},
                      {QStringLiteral("limit"), 1000}})
                .value(QLatin1String("items"))
                .toArray();
        for (const QJsonValue &item : items) {
            if (item.toObject().value(QLatin1String("id")).toInteger() == consultationId)
                return item.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(fx.start());
        rep = fx.representative(fx.cast.rep1);
        otherRep = fx.representative(fx.cast.rep2);
        holder = fx.responder(fx.cast.responderA1);
        stranger = fx.responder(fx.cast.responderB);
        QVERIFY(rep && otherRep && holder && stranger);
        consultationId = rep->openConsultation(fx.cast.deptA, QStringLiteral("权限测试"),
                                               QStringLiteral("access-1"));
        holder->ok(QStringLiteral("consultation.claim"),
                   {{QStringLiteral("consultationId"), consultationId}});
        rep->ok(QStringLiteral("message.send"),
                {{QStringLiteral("consultationId"), consultationId},
                 {QStringLiteral("clientMsgId"), QStringLiteral("m1")},
                 {QStringLiteral("text"), QStringLiteral("您好")}});
        const QJsonArray messages = history();
        voiceMessageId = 0;
        for (const QJsonValue &m : messages)
            voiceMessageId =
                m.toObject().value(QLatin1String("id")).toInteger(); // any message id will do
    }

    void cleanupTestCase() { QVERIFY(fx.server.stop()); }

private:
    // Who is refused what, for every method of the protocol that touches someone's data.
    struct Refusal
    {
        const char *who;
        const char *method;
        const char *expected;
    };
    static QList<Refusal> refusals()
    {
        return {
            // Responder of another department.
            {"stranger", "consultation.claim", "forbidden"},
            {"stranger", "consultation.transfer", "forbidden"},
            {"stranger", "consultation.close", "forbidden"},
            {"stranger", "message.send", "forbidden"},
            {"stranger", "messages.history", "forbidden"},
            {"stranger", "voice.begin", "forbidden"},
            {"stranger", "voice.fetch", "forbidden"},
            {"stranger", "consultation.create", "forbidden"},
            {"stranger", "consultation.rate", "forbidden"},
            {"stranger", "transcript.correct", "forbidden"},
            // Another representative.
            {"otherRep", "message.send", "forbidden"},
            {"otherRep", "messages.history", "forbidden"},
            {"otherRep", "consultation.rate", "forbidden"},
            {"otherRep", "consultation.claim", "forbidden"},
            {"otherRep", "consultation.transfer", "forbidden"},
            {"otherRep", "consultation.close", "forbidden"},
            {"otherRep", "voice.begin", "forbidden"},
            {"otherRep", "voice.fetch", "forbidden"},
            {"otherRep", "sync.pull", "forbidden"},
            {"otherRep", "transcript.correct", "forbidden"},
            {"otherRep", "replies.discarded", "forbidden"},
            {"otherRep", "stats.dashboard", "forbidden"},
            {"otherRep", "stats.targets", "forbidden"},
            // A script the principal cannot read is not found (protocol section 13).
            {"otherRep", "scripts.save", "not_found"},
            {"otherRep", "scripts.delete", "not_found"},
        };
    }

    // Methods anyone may call, signed in or not.
    static QStringList openMethods()
    {
        return {QString(Method::Hello), QString(Method::Ping), QString(Method::Login),
                QString(Method::RepLogin), QString(Method::Resume)};
    }

    // Methods with no refusal row above, and why none is needed. A method added to the
    // protocol must appear in one of the two lists (everyMethodIsAccountedFor).
    static QHash<QString, QString> exemptions()
    {
        return {{QString(Method::Logout), QStringLiteral("acts on the caller's own session only")},
                {QString(Method::VoiceCommit),
                 QStringLiteral("transfer ids belong to the connection that began them; the "
                                "access check is voice.begin's, repeated at commit")}};
    }

private Q_SLOTS:
    void everyMethodIsAccountedFor()
    {
        QSet<QString> covered;
        for (const Refusal &r : refusals())
            covered.insert(QString::fromLatin1(r.method));
        for (const QString &method : Method::all()) {
            QVERIFY2(covered.contains(method) || openMethods().contains(method) ||
                         exemptions().contains(method),
                     qPrintable(method + QStringLiteral(" has no access case: add a refusal "
                                                        "row or an exemption with its reason")));
        }
    }

    void everyRequestTypeIsRefused_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("expected");
        for (const Refusal &r : refusals())
            QTest::newRow(qPrintable(
                QStringLiteral("%1 %2").arg(QLatin1String(r.who), QLatin1String(r.method))))
                << QString::fromLatin1(r.who) << QString::fromLatin1(r.method)
                << QString::fromLatin1(r.expected);
        // Not signed in at all: every method but the open ones, from the method table.
        for (const QString &method : Method::all()) {
            if (!openMethods().contains(method))
                QTest::newRow(qPrintable(QStringLiteral("anonymous ") + method))
                    << QStringLiteral("anonymous") << method << QStringLiteral("not_authenticated");
        }
    }

    void everyRequestTypeIsRefused()
    {
        QFETCH(QString, who);
        QFETCH(QString, method);
        QFETCH(QString, expected);
        TestClient anonymous(fx.server.url());
        QVERIFY(anonymous.connectAndHello());
        TestClient *client = who == QLatin1String("stranger")   ? stranger.get()
                             : who == QLatin1String("otherRep") ? otherRep.get()
                                                                : &anonymous;
        const QJsonArray before = history();
        const QJsonObject stateBefore = current();
        const QJsonObject params{{QStringLiteral("consultationId"), consultationId},
                                 {QStringLiteral("departmentId"), fx.cast.deptB},
                                 {QStringLiteral("toDepartmentId"), fx.cast.deptB},
                                 {QStringLiteral("reason"), QStringLiteral("越权")},
                                 {QStringLiteral("summary"), QStringLiteral("越权")},
                                 {QStringLiteral("subject"), QStringLiteral("越权")},
                                 {QStringLiteral("clientId"), QStringLiteral("越权")},
                                 {QStringLiteral("clientMsgId"), QStringLiteral("intrusion")},
                                 {QStringLiteral("text"), QStringLiteral("越权")},
                                 {QStringLiteral("rating"), 1},
                                 {QStringLiteral("bytes"), 100},
                                 {QStringLiteral("durationMs"), 1000},
                                 {QStringLiteral("messageId"), voiceMessageId},
                                 {QStringLiteral("transferId"), 1},
                                 {QStringLiteral("stream"), QStringLiteral("proposals")},
                                 {QStringLiteral("id"), 1},
                                 {QStringLiteral("baseRevision"), 1},
                                 {QStringLiteral("editId"), QStringLiteral("intrusion")},
                                 {QStringLiteral("scope"), QStringLiteral("department")},
                                 {QStringLiteral("title"), QStringLiteral("越权")},
                                 {QStringLiteral("body"), QStringLiteral("越权")}};
        QCOMPARE(client->fails(method, params), expected);
        QCOMPARE(history(), before);
        QCOMPARE(current(), stateBefore);
    }
};

QTEST_GUILESS_MAIN(TestAccess)
#include "tst_access.moc"
