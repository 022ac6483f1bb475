// The workspace as officers use it, offscreen, against the real server: two officers of one
// department see the same queue; one claims with the keyboard and the row leaves "waiting" on
// both screens; a reply typed and sent with Enter reaches the server once and shows as sent;
// transfer needs a reason and the receiver sees it; close with a summary; the
// representative's rating appears; a colleague's claim is reported in words; the dossier;
// exports read back. (Search, drafts, alerts and the keyboard: tst_workspacetools.)
#include "WorkspaceDesks.h"

#include "IntegrationFixture.h"
#include "app/outbox/OutboxStore.h"
#include "app/session/AccountSession.h"
#include "app/session/ConsultationActions.h"
#include "app/workspace/ConsultationListModel.h"
#include "app/workspace/MessageListModel.h"
#include "app/workspace/ProposalListModel.h"
#include "app/workspace/ProposalWording.h"
#include "app/workspace/SearchResultModel.h"
#include "server/demo/DemoCatalog.h"
#include "ui/search/SearchView.h"
#include "ui/shell/AlertCenter.h"
#include "ui/shell/ShortcutsWindow.h"
#include "ui/workspace/ComposerEdit.h"
#include "ui/workspace/ConversationHeader.h"
#include "ui/workspace/ConversationView.h"
#include "ui/workspace/DossierView.h"
#include "ui/workspace/QueueView.h"

#include "ui/workspace/ExportBar.h"
#include "ui/workspace/ExportDialog.h"
#include "ui/workspace/MessageDelegate.h"
#include "ui/workspace/TransferDialog.h"
#include "ui/workspace/WorkspaceView.h"
#include <QProcess>
#include <QStandardPaths>
#include <QTableWidget>

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QUuid>
#include <QtTest>

namespace {
// Fills in and accepts the next modal dialog once it is open. A dialog that would not accept
// is rejected, so that the test fails on what follows instead of waiting forever.
void whenDialogOpens(std::function<void(QDialog *)> fill)
{
    QTimer::singleShot(0, [fill] {
        QTRY_VERIFY(qobject_cast<QDialog *>(QApplication::activeModalWidget()));
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        fill(dialog);
        if (dialog->isVisible()) {
            qWarning("the dialog did not accept what the test filled in");
            dialog->reject();
        }
    });
}

QString allText(const QAbstractItemModel &model)
{
    QStringList texts;
    for (int i = 0; i < model.rowCount(); ++i)
        texts << model.index(i, 0).data(MessageListModel::TextRole).toString();
    return texts.join(u'\n');
}
} // namespace

class TestWorkspaceView : public QObject
{
    Q_OBJECT
private:
    IntegrationFixture fx{unthrottledServer()};
    QTemporaryDir data;
    std::unique_ptr<TestClient> rep;
    Desk a1, a2;
    QList<qint64> opened;

    QueueView &queue(Desk &desk) { return desk.queue(); }
    ConsultationListModel &rows(Desk &desk) { return desk.rows(); }
    void select(Desk &desk, qint64 id) { QVERIFY(desk.select(id)); }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QVERIFY(fx.start());
        rep = fx.representative(fx.cast.rep1);
        QVERIFY(rep);
        for (int i = 0; i < 3; ++i) {
            const qint64 id =
                rep->openConsultation(fx.cast.deptA, QStringLiteral("工作台测试%1").arg(i));
            rep->ok(
                QStringLiteral("message.send"),
                {{QStringLiteral("consultationId"), id},
                 {QStringLiteral("clientMsgId"), QUuid::createUuid().toString()},
                 {QStringLiteral("text"), QStringLiteral("我是人大代表，请问老旧小区加装电梯的补贴"
                                                         "怎么申请？门口的食品店长期占道。")}});
            opened << id;
        }
        QVERIFY(a1.open(fx, data.path(), fx.cast.responderA1));
        QVERIFY(a2.open(fx, data.path(), fx.cast.responderA2));
        for (Desk *desk : {&a1, &a2})
            QTRY_VERIFY_WITH_TIMEOUT(rows(*desk).rowOf(opened.last()) >= 0, 10000);
    }

    void cleanupTestCase()
    {
        a1 = {};
        a2 = {};
        QVERIFY(fx.server.stop());
    }

    void claimWithTheKeyboardLeavesWaitingOnEveryDesk()
    {
        const qint64 id = opened.at(0);
        select(a1, id);
        QApplication::setActiveWindow(a1.view.get()); // two desks on one screen: this one
        QPushButton *claimButton = nullptr;
        for (QPushButton *button : a1.view->conversation()->findChildren<QPushButton *>()) {
            if (button->text() == ConversationHeader::tr("&Claim"))
                claimButton = button;
        }
        QVERIFY(claimButton);
        QTRY_VERIFY(claimButton->isEnabled());
        QTest::keyClick(a1.view.get(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE_WITH_TIMEOUT(rows(a1).rowOf(id), -1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(rows(a2).rowOf(id), -1, 5000);
        QTRY_VERIFY(a1.view->conversation()->composer()->isEnabled());

        // The colleague tried the same one a moment too late (it had been on their screen).
        a2.view->conversation()->open(id);
        QTRY_VERIFY(!a2.view->conversation()->composer()->isEnabled());
        QCOMPARE(a2.view->conversation()->notice(), QString());
    }

    void aColleagueQuickerIsReportedInWords()
    {
        const qint64 id = opened.at(1);
        // A1 claims through another connection; A2's claim goes out before A2 hears of it.
        TestClient quicker(fx.server.url());
        QVERIFY(quicker.connectAndHello() &&
                quicker.login(fx.cast.responderA1, demoResponderPassword()));
        quicker.ok(QStringLiteral("consultation.claim"), {{QStringLiteral("consultationId"), id}});
        std::optional<ActionFailure> failure;
        a2.session->actions().claim(id, [&](bool ok, const ActionFailure &why) {
            if (!ok)
                failure = why;
        });
        QTRY_VERIFY_WITH_TIMEOUT(failure.has_value(), 5000);
        QCOMPARE(failure->kind, ActionFailure::Kind::AlreadyClaimed);
        QCOMPARE(ConversationView::describe(*failure),
                 ConversationView::tr("A colleague claimed this consultation first."));
        // And A2's screen has caught up: nothing left to claim there.
        QTRY_COMPARE_WITH_TIMEOUT(rows(a2).rowOf(id), -1, 5000);
    }

    void replyWithEnterReachesTheServerOnceAndShowsSent()
    {
        const qint64 id = opened.at(0);
        a1.view->conversation()->open(id);
        ComposerEdit *composer = a1.view->conversation()->composer();
        QTRY_VERIFY(composer->isEnabled());
        composer->setFocus();
        // (Chinese arrives through the input method: typed as text, not as key presses.)
        composer->insertPlainText(QStringLiteral("您好"));
        QTest::keyClick(composer, Qt::Key_Return, Qt::ShiftModifier); // a new line, not sent
        composer->insertPlainText(QStringLiteral("补贴可在街道受理中心申请。"));
        QCOMPARE(composer->toPlainText(), QStringLiteral("您好\n补贴可在街道受理中心申请。"));
        QTest::keyClick(composer, Qt::Key_Return);
        QCOMPARE(composer->toPlainText(), QString());
        MessageListModel *messages = a1.view->conversation()->messages();
        const QString reply = QStringLiteral("您好\n补贴可在街道受理中心申请。");
        QTRY_VERIFY_WITH_TIMEOUT(allText(*messages).contains(reply), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(
            messages->index(messages->rowCount() - 1).data(MessageListModel::DeliveryRole).toInt(),
            int(MessageListModel::Delivery::Sent), 10000);
        QCOMPARE(allText(*messages).count(reply), 1);
        const QJsonArray onServer =
            rep->ok(QStringLiteral("messages.history"), {{QStringLiteral("consultationId"), id}})
                .value(QLatin1String("messages"))
                .toArray();
        int copies = 0;
        for (const QJsonValue &m : onServer)
            copies += m.toObject().value(QLatin1String("text")).toString() == reply;
        QCOMPARE(copies, 1);
    }

    void transferNeedsAReasonAndTheReceiverSeesIt()
    {
        const qint64 id = opened.at(0); // held by A1
        a1.view->conversation()->open(id);
        QTRY_VERIFY(a1.view->conversation()->composer()->isEnabled());
        bool okWasDisabledWithoutReason = false;
        whenDialogOpens([&](QDialog *dialog) {
            auto *buttons = dialog->findChild<QDialogButtonBox *>();
            okWasDisabledWithoutReason = !buttons->button(QDialogButtonBox::Ok)->isEnabled();
            auto *colleagues = dialog->findChildren<QComboBox *>().at(0);
            colleagues->setCurrentIndex(colleagues->findData(fx.cast.responderA2Id));
            dialog->findChild<QPlainTextEdit *>()->setPlainText(
                QStringLiteral("涉及住建政策，请蔡老师跟进"));
            buttons->button(QDialogButtonBox::Ok)->click();
        });
        a1.view->conversation()->transfer();
        QVERIFY(okWasDisabledWithoutReason);

        // A2 finds it under "transferred to me", with the reason in the conversation.
        queue(a2).setFilter(ConsultationQuery::Filter::TransferredToMe);
        select(a2, id);
        MessageListModel *messages = a2.view->conversation()->messages();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int i = 0; i < messages->rowCount(); ++i) {
                    const QJsonObject payload =
                        messages->index(i).data(MessageListModel::PayloadRole).toJsonObject();
                    if (payload.value(QLatin1String("reason")).toString() ==
                        QStringLiteral("涉及住建政策，请蔡老师跟进"))
                        return true;
                }
                return false;
            }(),
            5000);
        QTRY_VERIFY(a2.view->conversation()->composer()->isEnabled());
    }

    // A search hit opens a consultation: the queue marks it too, and a click on the row that
    // was marked before opens that one again (issue 15, point 5).
    void theQueueFollowsTheConversation()
    {
        queue(a2).setFilter(ConsultationQuery::Filter::All);
        QTRY_VERIFY_WITH_TIMEOUT(rows(a2).rowCount() >= 2, 5000);
        const qint64 first = rows(a2).rowAt(0).id;
        const qint64 second = rows(a2).rowAt(1).id;
        select(a2, first);
        a2.view->conversation()->openAt(second, 0); // as the search window does
        QCOMPARE(a2.view->conversation()->consultationId(), second);
        QCOMPARE(queue(a2).currentConsultation(), second);
        QCOMPARE(queue(a2).list()->currentIndex().row(), rows(a2).rowOf(second));
        // Back to the first with a click on its row.
        QListView *list = queue(a2).list();
        const QRect rect = list->visualRect(rows(a2).index(rows(a2).rowOf(first)));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_COMPARE_WITH_TIMEOUT(a2.view->conversation()->consultationId(), first, 5000);
        // And once more to the second: a click on a row that is already current opens it.
        a2.view->conversation()->openAt(second, 0);
        queue(a2).follow(first); // as if the queue had stayed behind
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_COMPARE_WITH_TIMEOUT(a2.view->conversation()->consultationId(), first, 5000);
    }

    void closeWithASummaryThenTheRatingShows()
    {
        const qint64 id = opened.at(0); // now held by A2
        a2.view->conversation()->open(id);
        QTRY_VERIFY(a2.view->conversation()->composer()->isEnabled());
        whenDialogOpens([](QDialog *dialog) {
            dialog->findChild<QPlainTextEdit *>()->setPlainText(QStringLiteral("已告知申请渠道"));
            dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        });
        QApplication::setActiveWindow(a2.view.get());
        QTest::keyClick(a2.view.get(), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!a2.view->conversation()->composer()->isEnabled(), 5000);
        rep->ok(QStringLiteral("consultation.rate"),
                {{QStringLiteral("consultationId"), id}, {QStringLiteral("rating"), 4}});
        QLabel *subtitle = nullptr;
        for (QLabel *label : a2.view->conversation()->findChildren<QLabel *>()) {
            if (label->text().contains(ConversationHeader::tr("closed")))
                subtitle = label;
        }
        QVERIFY(subtitle);
        QTRY_VERIFY_WITH_TIMEOUT(
            subtitle->text().contains(ConversationHeader::tr("rated %1 of 5").arg(4)), 5000);
    }

    void theDossierShowsContactsProposalsAndEarlierConsultations()
    {
        const qint64 id = opened.at(2);
        queue(a1).setFilter(ConsultationQuery::Filter::Waiting);
        select(a1, id);
        DossierView *dossier = a1.view->dossier();
        const DemoRepresentative &who = fx.catalog.representatives.at(int(fx.cast.rep1Id) - 1);
        QTRY_VERIFY_WITH_TIMEOUT(dossier->contactText().contains(who.mobile), 5000);
        QVERIFY(dossier->contactText().contains(who.name));
        QVERIFY(dossier->contactText().contains(who.email.toHtmlEscaped()));
        // The organisation on its own line, never wrapped on after the delegation.
        if (!who.organization.isEmpty())
            QVERIFY(dossier->contactText().contains(u'\n' + who.organization + u'\n'));

        // Their proposals, all of them, newest first.
        QList<const DemoProposal *> theirs;
        for (const DemoProposal &p : fx.catalog.proposals) {
            if (p.representative == int(fx.cast.rep1Id) - 1)
                theirs << &p;
        }
        QVERIFY(!theirs.isEmpty());
        ProposalListModel *proposals = dossier->proposals();
        QTRY_COMPARE_WITH_TIMEOUT(proposals->rowCount(), int(theirs.size()), 5000);
        for (int i = 1; i < proposals->rowCount(); ++i)
            QVERIFY(proposals->rowAt(i - 1).year >= proposals->rowAt(i).year);

        // A two-character search from the middle of one title finds it.
        const DemoProposal *wanted = theirs.first();
        const QString part = wanted->title.mid(2, 2);
        QLineEdit *search = dossier->findChild<QLineEdit *>();
        QSignalSpy searched(proposals, &QAbstractItemModel::modelReset);
        search->setText(part);
        QVERIFY(searched.wait(5000)); // after the typing pause
        QTRY_VERIFY_WITH_TIMEOUT(!proposals->isLoading(), 5000);
        bool found = false;
        for (int i = 0; i < proposals->rowCount(); ++i) {
            QVERIFY(proposals->rowAt(i).title.contains(part) ||
                    proposals->rowAt(i).replySummary.contains(part) ||
                    proposals->rowAt(i).number.contains(part));
            found = found || proposals->rowAt(i).number == wanted->number;
        }
        QVERIFY(found);

        // A search that finds nothing says so.
        search->setText(QStringLiteral("没有这样的提案"));
        QTRY_COMPARE_WITH_TIMEOUT(
            dossier->proposalText(),
            DossierView::tr("No proposal matches “%1”.").arg(QStringLiteral("没有这样的提案")),
            5000);
        search->setText(part);
        QTRY_VERIFY_WITH_TIMEOUT(!proposals->isLoading() && proposals->rowCount() > 0, 5000);

        // Its record in full.
        QListView *list = nullptr;
        for (QListView *view : dossier->findChildren<QListView *>()) {
            if (view->accessibleName() == DossierView::tr("Past proposals"))
                list = view;
        }
        QVERIFY(list);
        for (int i = 0; i < proposals->rowCount(); ++i) {
            if (proposals->rowAt(i).number == wanted->number)
                list->setCurrentIndex(proposals->index(i));
        }
        QTRY_VERIFY(dossier->proposalText().contains(wanted->title));
        // In English (the test's locale): the status and the category in English, not 已办结/教育.
        const QString record = dossier->proposalText();
        QVERIFY2(record.contains(DossierView::tr("Status:") + u' ' +
                                 ProposalWording::status(wanted->status)),
                 qPrintable(record));
        QVERIFY2(record.contains(DossierView::tr("Category:") + u' ' + wanted->categoryEn),
                 qPrintable(record));
        if (!wanted->replySummary.isEmpty())
            QVERIFY(dossier->proposalText().contains(wanted->replySummary));

        // Their earlier consultations this officer may see: the three opened for this test,
        // but not the one open beside them.
        ConsultationListModel *earlier = dossier->consultations();
        QTRY_VERIFY_WITH_TIMEOUT(!earlier->isLoading() && earlier->rowOf(opened.at(0)) >= 0, 5000);
        for (qint64 mine : std::as_const(opened))
            QCOMPARE(earlier->rowOf(mine) >= 0, mine != id);
    }

    // A reply queued offline keeps the time it was written; delivered a minute or more later,
    // its line also says when it went out.
    void aLateDeliverySaysWhenItWentOut()
    {
        QStandardItemModel model(2, 1);
        const QDateTime written(QDate(2026, 3, 5), QTime(9, 0, 0));
        const QList<QDateTime> stored{written.addSecs(20), written.addSecs(35 * 60)};
        for (int row = 0; row < 2; ++row) {
            QStandardItem *item = model.item(row) ? model.item(row) : new QStandardItem;
            item->setData(int(MessageListModel::Delivery::Sent), MessageListModel::DeliveryRole);
            item->setData(written.toMSecsSinceEpoch(), MessageListModel::WrittenAtRole);
            item->setData(stored.at(row).toMSecsSinceEpoch(), MessageListModel::CreatedAtRole);
            model.setItem(row, item);
        }
        QCOMPARE(MessageDelegate::deliveryLine(model.index(0, 0)), MessageDelegate::tr("Sent"));
        QCOMPARE(MessageDelegate::deliveryLine(model.index(1, 0)),
                 MessageDelegate::tr("Sent at %1").arg(QStringLiteral("09:35:00")));
    }

    void exportAsksForTheScopeAndStartsInAFolderThatExists()
    {
        ExportDialog withOpen(true);
        QVERIFY(!withOpen.openChoice()->isChecked());
        QVERIFY(!withOpen.listChoice()->isChecked());
        QVERIFY(!withOpen.exportButton()->isEnabled());
        withOpen.openChoice()->click();
        QVERIFY(withOpen.exportButton()->isEnabled());
        QVERIFY(!withOpen.wholeList());
        withOpen.pdfChoice()->click();
        QCOMPARE(withOpen.format(), ConsultationExport::Format::Pdf);

        ExportDialog nothingOpen(false);
        QVERIFY(!nothingOpen.openChoice()->isEnabled());
        nothingOpen.listChoice()->click();
        QVERIFY(nothingOpen.exportButton()->isEnabled());
        QVERIFY(nothingOpen.wholeList());

        // The folder last used while it exists; otherwise an existing one, never the working
        // folder of the program.
        QCOMPARE(ConsultationExport::suggestedFolder(data.path()), data.path());
        const QString gone = data.filePath(QStringLiteral("removed-since"));
        const QString fallback = ConsultationExport::suggestedFolder(gone);
        QVERIFY(fallback != gone);
        QVERIFY(QFileInfo(fallback).isDir());
    }

    void exportsReadBackAsCsvAndPdf()
    {
        // A subject a spreadsheet would trip over: a formula, a comma, quotes.
        const qint64 tricky = rep->openConsultation(
            fx.cast.deptA, QStringLiteral("=HYPERLINK(\"x\"),关于\"补贴\"的问题"));
        queue(a1).setFilter(ConsultationQuery::Filter::All);
        QTRY_VERIFY_WITH_TIMEOUT(rows(a1).rowOf(tricky) >= 0, 5000);
        while (rows(a1).canFetchMore() || rows(a1).isLoading()) {
            rows(a1).fetchMore();
            QTest::qWait(50);
        }
        const int visible = rows(a1).rowCount();

        const QString csvPath = data.filePath(QStringLiteral("records.csv"));
        ConsultationExport *job = a1.view->exportBar()->job();
        QSignalSpy done(job, &ConsultationExport::finished);
        a1.view->exportTo(ConsultationExport::Format::Csv, true, csvPath);
        QVERIFY(done.wait(20000));
        const auto result = done.takeFirst().first().value<ConsultationExport::Result>();
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.exported, visible);

        // The bar offers the file and its folder.
        ExportBar *bar = a1.view->exportBar();
        QVERIFY(bar->openButton()->isVisibleTo(bar));
        QVERIFY(bar->folderButton()->isVisibleTo(bar));
        QCOMPARE(bar->openTarget(), QUrl::fromLocalFile(csvPath));
        QCOMPARE(bar->folderTarget(), QUrl::fromLocalFile(data.path()));

        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray bytes = csv.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        // Parse it back (RFC 4180: quoted cells, doubled quotes, CRLF rows).
        QList<QStringList> table;
        QStringList row;
        QString cell;
        bool quoted = false;
        const QString text = QString::fromUtf8(bytes.mid(3));
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (quoted) {
                if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                    cell += u'"';
                    ++i;
                } else if (c == u'"') {
                    quoted = false;
                } else {
                    cell += c;
                }
            } else if (c == u'"') {
                quoted = true;
            } else if (c == u',') {
                row << cell;
                cell.clear();
            } else if (c == u'\n') {
                row << cell;
                table << row;
                row.clear();
                cell.clear();
            } else if (c != u'\r') {
                cell += c;
            }
        }
        QCOMPARE(table.size(), visible + 1); // and the header
        const int columns = static_cast<int>(table.first().size());
        QStringList trickyRow;
        for (const QStringList &r : std::as_const(table)) {
            QCOMPARE(r.size(), columns);
            if (r.first() == QString::number(tricky))
                trickyRow = r;
        }
        QVERIFY(!trickyRow.isEmpty());
        QVERIFY(trickyRow.contains(QStringLiteral("'=HYPERLINK(\"x\"),关于\"补贴\"的问题")));
        QVERIFY(trickyRow.contains(fx.catalog.representatives.at(int(fx.cast.rep1Id) - 1).name));

        // The open consultation as a PDF record: its dialogue, with exact times.
        const qint64 id = opened.at(0);
        a1.view->conversation()->open(id);
        const QString folder = data.filePath(QStringLiteral("pdf"));
        a1.view->exportTo(ConsultationExport::Format::Pdf, false, folder);
        QVERIFY(done.wait(20000));
        const QString pdf = QDir(folder).filePath(QStringLiteral("consultation-%1.pdf").arg(id));
        QVERIFY(QFile::exists(pdf));
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is needed to read the PDF back");
        QProcess reader;
        reader.start(QStringLiteral("pdftotext"),
                     {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        QVERIFY(reader.waitForFinished(20000));
        // The characters shown, not radicals that look like them (⼈⼤, ⻔, ⻝, ⻓): a search of
        // the PDF for 人大 must find it.
        const QString pdfText = QString::fromUtf8(reader.readAllStandardOutput());
        QVERIFY2(
            pdfText.contains(QStringLiteral("我是人大代表，请问老旧小区加装电梯的补贴怎么申请？")),
            qPrintable(pdfText.left(600)));
        QVERIFY(pdfText.contains(QStringLiteral("门口的食品店长期占道")));
        // Digits after Latin text too (the font's contextual digits once extracted as nothing).
        QVERIFY2(pdfText.contains(QStringLiteral("No. %1").arg(id)), qPrintable(pdfText.left(200)));
        QVERIFY2(pdfText.contains(QStringLiteral("补贴可在街道受理中心申请")),
                 qPrintable(pdfText.left(400)));
        QVERIFY(pdfText.contains(QStringLiteral("已告知申请渠道")));
        QVERIFY(pdfText.contains(
            QRegularExpression(QStringLiteral("20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"))));

        // A long PDF export, cancelled after the first record: it stops, and says so.
        QSignalSpy progressed(job, &ConsultationExport::progress);
        a1.view->exportTo(ConsultationExport::Format::Pdf, true,
                          data.filePath(QStringLiteral("all")));
        QVERIFY(progressed.wait(20000));
        job->cancel();
        QVERIFY(done.wait(20000));
        const auto cancelled = done.takeLast().first().value<ConsultationExport::Result>();
        QVERIFY(cancelled.cancelled);
        QVERIFY(cancelled.exported < visible);
        QVERIFY(a1.view->exportBar()->text().contains(QString::number(cancelled.exported)));
    }
};

QTEST_MAIN(TestWorkspaceView)
#include "tst_workspaceview.moc"
