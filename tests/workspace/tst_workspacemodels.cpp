// The workspace's models over a real cache synced from the real server, under
// QAbstractItemModelTester: queues page lazily in the right order and follow the server live
// (a colleague's claim takes the row out of "waiting", a new consultation comes in); a
// conversation loads newest first, older pages on demand, new messages as they arrive, and
// the officer's unsent replies once each; unread counts follow the read mark.
#include "SyncedSession.h"

#include "IntegrationFixture.h"
#include "app/outbox/OutboxSender.h"
#include "app/outbox/OutboxStore.h"
#include "app/session/AccountSession.h"
#include "app/session/Replies.h"
#include "app/workspace/CacheReader.h"
#include "app/workspace/ConsultationListModel.h"
#include "app/workspace/MessageListModel.h"
#include "app/workspace/ProposalListModel.h"
#include "app/workspace/SearchResultModel.h"
#include "server/demo/DemoCatalog.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QUuid>
#include <QtTest>

namespace {
QString freshId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void say(TestClient &client, qint64 consultationId, const QString &text)
{
    client.ok(QStringLiteral("message.send"), {{QStringLiteral("consultationId"), consultationId},
                                               {QStringLiteral("clientMsgId"), freshId()},
                                               {QStringLiteral("text"), text}});
}

QList<qint64> idsOf(const ConsultationListModel &model)
{
    QList<qint64> ids;
    for (int i = 0; i < model.rowCount(); ++i)
        ids << model.rowAt(i).id;
    return ids;
}

void loadAll(ConsultationListModel &model)
{
    while (model.canFetchMore() || model.isLoading()) {
        if (model.canFetchMore())
            model.fetchMore();
        QSignalSpy loaded(&model, &ConsultationListModel::pageLoaded);
        if (!loaded.wait(5000))
            return;
    }
}
} // namespace

class TestWorkspaceModels : public QObject
{
    Q_OBJECT
private:
    // The test sends hundreds of messages from one client at once: no request rate limit.
    IntegrationFixture fx{unthrottledServer()};
    QTemporaryDir data;
    std::unique_ptr<TestClient> rep;
    std::unique_ptr<TestClient> colleague;   // responder A2, same department
    std::unique_ptr<AccountSession> session; // responder A1's console
    QList<qint64> waiting;                   // opened by the test, oldest first

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(fx.start());
        rep = fx.representative(fx.cast.rep1);
        colleague = fx.responder(fx.cast.responderA2);
        QVERIFY(rep && colleague);
        for (int i = 0; i < 7; ++i) {
            const qint64 id =
                rep->openConsultation(fx.cast.deptA, QStringLiteral("排队测试%1").arg(i));
            say(*rep, id, QStringLiteral("第%1件：关于公交线路调整的意见").arg(i));
            waiting << id;
            QTest::qWait(5); // distinct creation times
        }
        session = syncedSession(fx, data.path(), fx.cast.responderA1);
        QVERIFY(session);
        QCOMPARE(session->departmentId(), fx.cast.deptA);
    }

    void cleanupTestCase()
    {
        session.reset();
        QVERIFY(fx.server.stop());
    }

    void waitingQueuePagesOldestFirstAndFollowsTheServer()
    {
        ConsultationListModel model(session->cacheReader());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        connect(session.get(), &AccountSession::consultationsChanged, &model,
                &ConsultationListModel::refresh);
        model.setPageSize(3);
        model.setQuery(
            {ConsultationQuery::Filter::Waiting, session->responderId(), session->departmentId()});
        QSignalSpy loaded(&model, &ConsultationListModel::pageLoaded);
        QVERIFY(loaded.wait(5000));
        QCOMPARE(model.rowCount(), 3);                      // one page, not everything
        QVERIFY(model.canFetchMore() || model.isLoading()); // the tester may have asked already
        loadAll(model);
        const QList<qint64> shown = idsOf(model);
        for (qint64 id : std::as_const(waiting))
            QVERIFY(shown.contains(id));
        for (int i = 1; i < model.rowCount(); ++i)
            QVERIFY(model.rowAt(i - 1).createdAt <= model.rowAt(i).createdAt);
        const int at = model.rowOf(waiting.first());
        QCOMPARE(model.rowAt(at).representativeName,
                 fx.catalog.representatives.at(int(fx.cast.rep1Id) - 1).name);
        // The subject is the row's main line; the latest message, with who wrote it, the second.
        QCOMPARE(model.rowAt(at).subject, QStringLiteral("排队测试0"));
        QCOMPARE(model.data(model.index(at), ConsultationListModel::SubjectRole).toString(),
                 QStringLiteral("排队测试0"));
        QCOMPARE(model.data(model.index(at), ConsultationListModel::LatestLineRole).toString(),
                 ConsultationListModel::tr("%1: %2").arg(
                     model.rowAt(at).representativeName,
                     QStringLiteral("第0件：关于公交线路调整的意见")));
        QCOMPARE(model.rowAt(at).unread, 1);

        // A colleague claims one: gone from "waiting" without reloading.
        colleague->ok(QStringLiteral("consultation.claim"),
                      {{QStringLiteral("consultationId"), waiting.at(2)}});
        QTRY_COMPARE_WITH_TIMEOUT(model.rowOf(waiting.at(2)), -1, 5000);
        QVERIFY(model.rowOf(waiting.at(1)) >= 0);

        // The All tab mixes states: each row says where it stands and with whom.
        ConsultationListModel all(session->cacheReader());
        all.setQuery(
            {ConsultationQuery::Filter::All, session->responderId(), session->departmentId()});
        QTRY_VERIFY_WITH_TIMEOUT(all.rowOf(waiting.at(2)) >= 0 && all.rowOf(waiting.at(1)) >= 0,
                                 5000);
        const auto standing = [&all](qint64 id) {
            return all.data(all.index(all.rowOf(id)), ConsultationListModel::StandingRole)
                .toString();
        };
        QCOMPARE(standing(waiting.at(1)), ConsultationListModel::tr("waiting"));
        QCOMPARE(standing(waiting.at(2)), ConsultationListModel::tr("with %1").arg(
                                              all.rowAt(all.rowOf(waiting.at(2))).assigneeName));
        QVERIFY(!all.rowAt(all.rowOf(waiting.at(2))).assigneeName.isEmpty());
        QCOMPARE(
            model.data(model.index(model.rowOf(waiting.at(1))), ConsultationListModel::StandingRole)
                .toString(),
            QString()); // the Waiting tab says it already

        // A new consultation comes in: it joins at the end (it has waited least).
        const qint64 fresh = rep->openConsultation(fx.cast.deptA, QStringLiteral("新来的"));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowOf(fresh), model.rowCount() - 1, 5000);
    }

    void mineFollowsClaimsAndUnreadFollowsTheReadMark()
    {
        ConsultationListModel mine(session->cacheReader());
        QAbstractItemModelTester tester(&mine,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        connect(session.get(), &AccountSession::consultationsChanged, &mine,
                &ConsultationListModel::refresh);
        mine.setQuery(
            {ConsultationQuery::Filter::Mine, session->responderId(), session->departmentId()});
        loadAll(mine);
        QVERIFY(mine.rowOf(waiting.at(3)) < 0);
        session->connection().client().request(QStringLiteral("consultation.claim"),
                                               {{QStringLiteral("consultationId"), waiting.at(3)}});
        QTRY_VERIFY_WITH_TIMEOUT(mine.rowOf(waiting.at(3)) >= 0, 5000);

        say(*rep, waiting.at(3), QStringLiteral("补充一句"));
        QTRY_COMPARE_WITH_TIMEOUT(mine.rowAt(mine.rowOf(waiting.at(3))).unread, 2, 5000);
        const auto latestLine = [&mine, this] {
            return mine
                .data(mine.index(mine.rowOf(waiting.at(3))), ConsultationListModel::LatestLineRole)
                .toString();
        };
        // "Mine" shows the latest message, not the first: the representative's, then mine.
        QCOMPARE(latestLine(), ConsultationListModel::tr("%1: %2").arg(
                                   mine.rowAt(mine.rowOf(waiting.at(3))).representativeName,
                                   QStringLiteral("补充一句")));
        QVERIFY(session->replies().sendText(waiting.at(3), QStringLiteral("好的，已记录。")));
        QTRY_COMPARE_WITH_TIMEOUT(
            latestLine(),
            ConsultationListModel::tr("%1: %2").arg(ConsultationListModel::tr("Me"),
                                                    QStringLiteral("好的，已记录。")),
            5000);
        MessageListModel messages(session->cacheReader());
        messages.setConsultation(waiting.at(3), session->responderId());
        QSignalSpy loaded(&messages, &MessageListModel::newestLoaded);
        QVERIFY(loaded.wait(5000));
        session->markRead(waiting.at(3), messages.newestMessageId());
        QTRY_COMPARE_WITH_TIMEOUT(mine.rowAt(mine.rowOf(waiting.at(3))).unread, 0, 5000);
    }

    void proposalsPageNewestFirstAndNarrowBySearch()
    {
        ProposalListModel model(session->cacheReader());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        int theirs = 0;
        for (const DemoProposal &p : fx.catalog.proposals)
            theirs += p.representative == int(fx.cast.rep1Id) - 1;
        QVERIFY(theirs > 2);
        model.setPageSize(2);
        model.setRepresentative(fx.cast.rep1Id);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 5000);
        QVERIFY2(model.rowCount() >= 2 && model.rowCount() <= theirs,
                 qPrintable(QString::number(model.rowCount()) + QLatin1Char('/') +
                            QString::number(theirs)));
        while (model.canFetchMore() || model.isLoading()) {
            model.fetchMore();
            QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 5000);
        }
        QCOMPARE(model.rowCount(), theirs);
        const Proposal newest = model.rowAt(0);
        model.setRepresentative(fx.cast.rep1Id, newest.number);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.rowCount() == 1, 5000);
        QCOMPARE(model.rowAt(0).id, newest.id);
    }

    void searchResultsPageNewestFirst()
    {
        SearchResultModel model(session->cacheReader());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(2);
        // "公交线路" is in the first message of each consultation this test opened.
        model.setRequest(
            {SearchRequest::Scope::Messages, QStringLiteral("公交线路"), 0, 0, {}, {}});
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 5000);
        while (model.canFetchMore() || model.isLoading()) {
            model.fetchMore();
            QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 5000);
        }
        QCOMPARE(model.rowCount(), int(waiting.size()));
        for (int i = 1; i < model.rowCount(); ++i)
            QVERIFY(model.hitAt(i - 1).id > model.hitAt(i).id);
        QVERIFY(model.hitAt(0).snippetHtml.contains(QStringLiteral("<b>公交线路</b>")));
    }

    // A consultation is found by its subject, one character is enough.
    void subjectsAreFound()
    {
        SearchResultModel model(session->cacheReader());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRequest({SearchRequest::Scope::Subjects, QStringLiteral("队"), 0, 0, {}, {}});
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 5000);
        while (model.canFetchMore() || model.isLoading()) {
            model.fetchMore();
            QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 5000);
        }
        QCOMPARE(model.rowCount(), int(waiting.size()));
        QCOMPARE(model.hitAt(0).consultationId, waiting.last()); // newest first
        QCOMPARE(model.hitAt(0).title, QStringLiteral("排队测试6"));
        QVERIFY(model.hitAt(0).snippetHtml.contains(QStringLiteral("<b>队</b>")));
        // Words of the messages are not subjects.
        model.setRequest(
            {SearchRequest::Scope::Subjects, QStringLiteral("公交线路"), 0, 0, {}, {}});
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 5000);
        QCOMPARE(model.rowCount(), 0);
    }

    void conversationLoadsNewestFirstThenOlderAndLiveAndOutbox()
    {
        const qint64 id = waiting.at(4);
        session->connection().client().request(QStringLiteral("consultation.claim"),
                                               {{QStringLiteral("consultationId"), id}});
        for (int i = 1; i < 250; ++i)
            say(*rep, id, QStringLiteral("消息%1").arg(i));
        // Wait until the cache has them all.
        MessageListModel probe(session->cacheReader());
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                probe.setPageSize(1);
                probe.setConsultation(id, session->responderId());
                QSignalSpy loaded(&probe, &MessageListModel::newestLoaded);
                return loaded.wait(2000) &&
                       probe.data(probe.index(0), MessageListModel::TextRole).toString() ==
                           QStringLiteral("消息249");
            }(),
            15000);

        MessageListModel model(session->cacheReader());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        connect(session.get(), &AccountSession::consultationsChanged, &model,
                &MessageListModel::refresh);
        model.setPageSize(100);
        model.setConsultation(id, session->responderId());
        QSignalSpy newest(&model, &MessageListModel::newestLoaded);
        QVERIFY(newest.wait(5000));
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.data(model.index(99), MessageListModel::TextRole).toString(),
                 QStringLiteral("消息249"));
        QSignalSpy older(&model, &MessageListModel::olderLoaded);
        model.fetchOlder();
        QVERIFY(older.wait(5000));
        QCOMPARE(model.rowCount(), 200);
        model.fetchOlder();
        QVERIFY(older.wait(5000));
        QVERIFY(!model.canFetchOlder());
        // 250 messages from the representative plus the system entry of the claim.
        QCOMPARE(model.rowCount(), 251);
        QCOMPARE(model.data(model.index(0), MessageListModel::TextRole).toString(),
                 QStringLiteral("第4件：关于公交线路调整的意见"));

        // A new message arrives at the end.
        say(*rep, id, QStringLiteral("最新的一条"));
        QTRY_COMPARE_WITH_TIMEOUT(
            model.data(model.index(model.rowCount() - 1), MessageListModel::TextRole).toString(),
            QStringLiteral("最新的一条"), 5000);

        // My reply: shown as queued while in the outbox, then once, as sent, from the server.
        // The model follows the outbox's changes as the conversation view wires it.
        connect(&session->replies(), &Replies::itemChanged, &model,
                &MessageListModel::applyOutboxItem);
        const int before = model.rowCount();
        const auto reply = session->replies().sendText(id, QStringLiteral("您好，已收到。"));
        QVERIFY(reply);
        QCOMPARE(model.rowCount(), before + 1); // at once, without reading the outbox again
        const int last = model.rowCount() - 1;
        QCOMPARE(model.data(model.index(last), MessageListModel::TextRole).toString(),
                 QStringLiteral("您好，已收到。"));
        QVERIFY(model.data(model.index(last), MessageListModel::DeliveryRole).toInt() !=
                int(MessageListModel::Delivery::None));
        QTRY_COMPARE_WITH_TIMEOUT(
            model.data(model.index(model.rowCount() - 1), MessageListModel::DeliveryRole).toInt(),
            int(MessageListModel::Delivery::Sent), 5000);
        const auto copies = [&model] {
            int n = 0;
            for (int i = 0; i < model.rowCount(); ++i)
                n += model.data(model.index(i), MessageListModel::TextRole).toString() ==
                     QStringLiteral("您好，已收到。");
            return n;
        };
        QCOMPARE(copies(), 1);
        // Once the server's copy is in the cache, that is the one shown, still once.
        QTRY_VERIFY_WITH_TIMEOUT(
            model.data(model.index(model.rowCount() - 1), MessageListModel::IdRole).toLongLong() >
                0,
            5000);
        QCOMPARE(copies(), 1);
        // It keeps the time it was written here, whatever time the server stored it at.
        QCOMPARE(model.data(model.index(model.rowCount() - 1), MessageListModel::WrittenAtRole)
                     .toLongLong(),
                 reply->createdAt);
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceModels)
#include "tst_workspacemodels.moc"
