// The officer's tools around the conversation, offscreen, against the real server: history
// search finds, filters and jumps to the message; drafts survive switching and restarts and
// Enter can be swapped; alerts speak only of what arrives elsewhere; Tab goes in reading
// order; the shortcuts window lists every shortcut.
#include "WorkspaceDesks.h"

#include "app/outbox/OutboxStore.h"
#include "app/session/Replies.h"
#include "app/workspace/MessageListModel.h"
#include "app/workspace/ProposalWording.h"
#include "app/workspace/SearchResultModel.h"
#include "server/demo/DemoCatalog.h"
#include "ui/common/ProposalRecord.h"
#include "ui/search/SearchView.h"
#include "ui/shell/AlertCenter.h"
#include "ui/shell/ShortcutsWindow.h"
#include "ui/workspace/ComposerEdit.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QListView>
#include <QTableWidget>
#include <QUuid>

class TestWorkspaceTools : public QObject
{
    Q_OBJECT
private:
    IntegrationFixture fx{unthrottledServer()};
    QTemporaryDir data;
    std::unique_ptr<TestClient> rep;
    Desk a1, a2;
    QList<qint64> opened;

    ConsultationListModel &rows(Desk &desk) { return desk.rows(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(fx.start());
        rep = fx.representative(fx.cast.rep1);
        QVERIFY(rep);
        for (int i = 0; i < 3; ++i)
            opened << rep->openConsultation(fx.cast.deptA, QStringLiteral("工具测试%1").arg(i));
        QVERIFY(a1.open(fx, data.path(), fx.cast.responderA1));
        QVERIFY(a2.open(fx, data.path(), fx.cast.responderA2));
    }

    void cleanupTestCase()
    {
        a1 = {};
        a2 = {};
        QVERIFY(fx.server.stop());
    }

    void historySearchFindsFiltersAndJumpsToTheMessage()
    {
        // An old conversation with a distinctive message deep in it.
        const qint64 id = rep->openConsultation(fx.cast.deptA, QStringLiteral("历史检索"));
        qint64 wantedId = 0;
        for (int i = 0; i < 160; ++i) {
            const QString text = i == 20 ? QStringLiteral("关于<加装>电梯的第二次补充：物业费分摊")
                                         : QStringLiteral("普通留言%1").arg(i);
            const QJsonObject sent =
                rep->ok(QStringLiteral("message.send"),
                        {{QStringLiteral("consultationId"), id},
                         {QStringLiteral("clientMsgId"), QUuid::createUuid().toString()},
                         {QStringLiteral("text"), text}});
            if (i == 20)
                wantedId = sent.value(QLatin1String("message"))
                               .toObject()
                               .value(QLatin1String("id"))
                               .toInteger();
        }
        QVERIFY(wantedId > 0);
        QTRY_VERIFY_WITH_TIMEOUT(rows(a1).rowOf(id) >= 0, 10000);

        a1.view->showSearch();
        SearchView *search = a1.view->search();
        SearchResultModel *results = search->results();
        auto searchFor = [&](const QString &text) {
            QSignalSpy done(results, &SearchResultModel::pageLoaded);
            search->queryEdit()->setText(text);
            return done.wait(5000);
        };
        // Two characters, then one: both find it, matched words in bold, markup escaped.
        QVERIFY(searchFor(QStringLiteral("分摊")));
        QCOMPARE(results->rowCount(), 1);
        QCOMPARE(results->hitAt(0).id, wantedId);
        QVERIFY(results->hitAt(0).snippetHtml.contains(QStringLiteral("<b>分摊</b>")));
        QVERIFY(results->hitAt(0).snippetHtml.contains(QStringLiteral("&lt;加装&gt;")));
        QVERIFY(searchFor(QStringLiteral("摊")));
        QCOMPARE(results->rowCount(), 1);
        QVERIFY(!search->statusText().isEmpty());
        // The hit says who wrote it: the representative here.
        QCOMPARE(results->index(0).data(SearchResultModel::AuthorRole).toString(),
                 results->hitAt(0).representativeName);

        // Filters: another representative's name, a closed state, a date range in the past.
        auto *name = search->findChildren<QLineEdit *>().at(1);
        QSignalSpy byName(results, &SearchResultModel::pageLoaded);
        name->setText(QStringLiteral("不存在的人"));
        QVERIFY(byName.wait(5000));
        QCOMPARE(results->rowCount(), 0);
        name->clear();
        QVERIFY(byName.wait(5000));
        QCOMPARE(results->rowCount(), 1);

        // An officer's reply is found under the officer's name, not the representative's.
        a1.session->connection().client().request(QStringLiteral("consultation.claim"),
                                                  {{QStringLiteral("consultationId"), id}});
        // (One connection answers in order: the claim is in before the reply.)
        QVERIFY(a1.session->replies().sendText(id, QStringLiteral("物业费分摊可按户均计")));
        // Searched again (with a changed query, so that it runs) until it has arrived.
        bool found = false;
        for (int attempt = 0; attempt < 20 && !found; ++attempt)
            found = searchFor(attempt % 2 ? QStringLiteral("户均") : QStringLiteral("按户均")) &&
                    results->rowCount() == 1;
        QVERIFY(found);
        QCOMPARE(results->hitAt(0).author, SenderKind::Responder);
        QVERIFY(results->index(0)
                    .data(SearchResultModel::AuthorRole)
                    .toString()
                    .startsWith(a1.session->principal().name));
        QVERIFY(searchFor(QStringLiteral("摊")));
        QTRY_COMPARE(results->rowCount(), 2);

        // Esc puts the window away.
        QTest::keyClick(search->queryEdit(), Qt::Key_Escape);
        QVERIFY(!search->isVisible());
        a1.view->showSearch();

        // Opening the hit: the conversation, loaded back far enough to show that message.
        QListView *list = search->findChild<QListView *>();
        Q_EMIT list->activated(
            results->index(results->rowCount() - 1)); // the older: the wanted one
        ConversationView *conversation = a1.view->conversation();
        QTRY_COMPARE(conversation->consultationId(), id);
        QTRY_VERIFY_WITH_TIMEOUT(conversation->messages()->rowOfMessage(wantedId) >= 0, 5000);
    }

    // A proposal hit opens its record under the results; a new search puts it away.
    void aProposalHitOpensItsRecord()
    {
        const DemoProposal &wanted = fx.catalog.proposals.first();
        a1.view->showSearch();
        SearchView *search = a1.view->search();
        SearchResultModel *results = search->results();
        auto *scope = search->findChild<QComboBox *>();
        scope->setCurrentIndex(scope->findData(static_cast<int>(SearchRequest::Scope::Proposals)));
        bool found = false;
        for (int attempt = 0; attempt < 20 && !found; ++attempt) { // until proposals are synced
            QSignalSpy done(results, &SearchResultModel::pageLoaded);
            search->queryEdit()->setText(attempt % 2 ? wanted.number : wanted.title);
            found = done.wait(5000) && results->rowCount() > 0;
        }
        QVERIFY(found);
        int row = -1;
        for (int i = 0; i < results->rowCount(); ++i) {
            if (results->hitAt(i).title.contains(wanted.title))
                row = i;
        }
        QVERIFY(row >= 0);
        QVERIFY(!search->proposalRecord()->isVisible());
        Q_EMIT search->findChild<QListView *>()->activated(results->index(row));
        QTRY_VERIFY_WITH_TIMEOUT(search->proposalRecord()->isVisible(), 5000);
        const QString record = search->proposalRecord()->toPlainText();
        QVERIFY2(record.contains(wanted.title), qPrintable(record));
        QVERIFY(record.contains(ProposalRecord::tr("Status:") + u' ' +
                                ProposalWording::status(wanted.status)));

        QSignalSpy again(results, &SearchResultModel::pageLoaded);
        search->queryEdit()->setText(QStringLiteral("电梯"));
        QVERIFY(again.wait(5000));
        QVERIFY(!search->proposalRecord()->isVisible());
        scope->setCurrentIndex(0);
        search->close();
    }

    void draftsSurviveSwitchingAndRestartsAndEnterCanBeSwapped()
    {
        // A consultation A1 holds, and another one.
        const qint64 held = rep->openConsultation(fx.cast.deptA, QStringLiteral("草稿测试"));
        a1.session->connection().client().request(QStringLiteral("consultation.claim"),
                                                  {{QStringLiteral("consultationId"), held}});
        ConversationView *conversation = a1.view->conversation();
        conversation->open(held);
        QTRY_VERIFY_WITH_TIMEOUT(conversation->composer()->isEnabled(), 5000);
        conversation->composer()->insertPlainText(QStringLiteral("正在起草的答复"));
        conversation->open(opened.at(2));
        QCOMPARE(conversation->composer()->toPlainText(), QString());
        conversation->open(held);
        QCOMPARE(conversation->composer()->toPlainText(), QStringLiteral("正在起草的答复"));
        // The queue marks it as a draft, with what was written.
        a1.queue().setFilter(ConsultationQuery::Filter::Mine);
        ConsultationListModel &queue = rows(a1);
        QTRY_VERIFY_WITH_TIMEOUT(queue.rowOf(held) >= 0, 5000);
        QCOMPARE(queue.index(queue.rowOf(held)).data(ConsultationListModel::DraftRole).toString(),
                 QStringLiteral("正在起草的答复"));

        // Typing pauses, the console closes: the draft is in the outbox file.
        conversation->composer()->insertPlainText(QStringLiteral("，补充"));
        a1.view->setSession(nullptr);
        QCOMPARE(a1.session->outbox().draft(held), QStringLiteral("正在起草的答复，补充"));
        a1.view->setSession(a1.session.get());
        conversation->open(held);
        QCOMPARE(conversation->composer()->toPlainText(), QStringLiteral("正在起草的答复，补充"));

        // Enter starts a new line and Shift+Enter sends, for those who prefer it.
        Preferences swapped;
        swapped.enterSends = false;
        a1.view->applyPreferences(swapped);
        ComposerEdit *composer = conversation->composer();
        QTRY_VERIFY(composer->isEnabled());
        composer->moveCursor(QTextCursor::End);
        QTest::keyClick(composer, Qt::Key_Return);
        QCOMPARE(composer->toPlainText(), QStringLiteral("正在起草的答复，补充\n"));
        QTest::keyClick(composer, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(composer->toPlainText(), QString());
        QCOMPARE(a1.session->outbox().draft(held), QString());
        // Sent: no draft mark any more.
        a1.queue().setFilter(ConsultationQuery::Filter::Mine);
        ConsultationListModel &queueNow = rows(a1);
        QTRY_VERIFY_WITH_TIMEOUT(queueNow.rowOf(held) >= 0, 5000);
        QCOMPARE(queueNow.index(queueNow.rowOf(held)).data(ConsultationListModel::DraftRole),
                 QVariant(QString()));
        a1.view->applyPreferences(Preferences());
    }

    void alertsForWhatArrivesElsewhereOnly()
    {
        const qint64 held = rep->openConsultation(fx.cast.deptA, QStringLiteral("提醒测试"));
        a1.session->connection().client().request(QStringLiteral("consultation.claim"),
                                                  {{QStringLiteral("consultationId"), held}});
        const qint64 colleagues = rep->openConsultation(fx.cast.deptA, QStringLiteral("同事的"));
        a2.session->connection().client().request(QStringLiteral("consultation.claim"),
                                                  {{QStringLiteral("consultationId"), colleagues}});
        AlertCenter alerts(a1.view.get());
        alerts.setPreferences(Preferences());
        alerts.setSession(a1.session.get());
        QTRY_VERIFY_WITH_TIMEOUT(alerts.pendingCount() >= 0, 1000);
        // Wait until the alert centre knows the consultation is A1's, and the cache has stored
        // (and the centre heard of) the consultations opened above.
        QTest::qWait(500);
        const int before = alerts.alertCount();
        QApplication::setActiveWindow(a2.view.get()); // A1 looks elsewhere
        rep->ok(QStringLiteral("message.send"),
                {{QStringLiteral("consultationId"), held},
                 {QStringLiteral("clientMsgId"), QUuid::createUuid().toString()},
                 {QStringLiteral("text"), QStringLiteral("请问什么时候能答复？")}});
        QTRY_COMPARE_WITH_TIMEOUT(alerts.alertCount(), before + 1, 5000);
        QVERIFY(alerts.lastAlert().contains(QStringLiteral("请问什么时候能答复？")));
        QVERIFY(alerts.pendingCount() > 0);

        // A message in someone else's consultation says nothing to A1.
        rep->ok(QStringLiteral("message.send"),
                {{QStringLiteral("consultationId"), colleagues},
                 {QStringLiteral("clientMsgId"), QUuid::createUuid().toString()},
                 {QStringLiteral("text"), QStringLiteral("不是给A1的")}});
        // A new consultation in the department does.
        rep->openConsultation(fx.cast.deptA, QStringLiteral("新的咨询提醒"));
        QTRY_COMPARE_WITH_TIMEOUT(alerts.alertCount(), before + 2, 5000);
        QVERIFY(alerts.lastAlert().contains(QStringLiteral("新的咨询提醒")));

        // The consultation on screen in the active window: no alert for it.
        QApplication::setActiveWindow(a1.view.get());
        alerts.setOpenConsultation(held);
        rep->ok(QStringLiteral("message.send"),
                {{QStringLiteral("consultationId"), held},
                 {QStringLiteral("clientMsgId"), QUuid::createUuid().toString()},
                 {QStringLiteral("text"), QStringLiteral("正在看的")}});
        QTest::qWait(800);
        QCOMPARE(alerts.alertCount(), before + 2);
    }

    void tabGoesFromTheQueueThroughTheConversationToTheDossier()
    {
        QApplication::setActiveWindow(a1.view.get());
        const QList<QWidget *> order = a1.view->focusOrder();
        QList<QWidget *> reachable;
        for (QWidget *w : order) {
            if (w->isEnabled() && w->isVisible() && (w->focusPolicy() & Qt::TabFocus))
                reachable << w;
        }
        QVERIFY(reachable.size() >= 5);
        reachable.first()->setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), reachable.first());
        for (int i = 1; i < reachable.size(); ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QVERIFY2(QApplication::focusWidget() == reachable.at(i),
                     qPrintable(QStringLiteral("after %1 came %2, not %3")
                                    .arg(reachable.at(i - 1)->accessibleName(),
                                         QApplication::focusWidget()->accessibleName(),
                                         reachable.at(i)->accessibleName())));
        }
    }

    void theShortcutsWindowListsEveryShortcut()
    {
        ShortcutsWindow window(a1.view.get());
        auto *table = window.findChild<QTableWidget *>();
        QVERIFY(table->rowCount() >= 7);
        QStringList keys;
        for (int i = 0; i < table->rowCount(); ++i) {
            if (table->item(i, 1)) // not a heading
                keys << table->item(i, 1)->text();
        }
        for (const QKeySequence &expected :
             {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T),
              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), QKeySequence(Qt::ALT | Qt::Key_Down),
              QKeySequence(Qt::CTRL | Qt::Key_R), QKeySequence(QKeySequence::Find),
              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V), QKeySequence(Qt::Key_Space)})
            QVERIFY2(keys.contains(expected.toString(QKeySequence::NativeText)),
                     qPrintable(expected.toString()));
        // Each key once (the scripts manager's, if any, under a heading of their own).
        QStringList once = keys;
        once.removeDuplicates();
        QCOMPARE(once.size(), keys.size());
    }

    // A Chinese menu writes its mnemonic in brackets: the list names the action without it.
    void theShortcutsWindowNamesActionsWithoutMnemonics()
    {
        QWidget source;
        auto *claim = new QAction(QStringLiteral("认领(&C)"), &source);
        claim->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
        source.addAction(claim);
        ShortcutsWindow window(&source);
        auto *table = window.findChild<QTableWidget *>();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("认领"));
    }
};

QTEST_MAIN(TestWorkspaceTools)
#include "tst_workspacetools.moc"
