// Reply scripts on screen, offscreen, against the real server: "/" where a word begins opens
// the quick-insert picker, typing narrows it, Enter puts the filled script at the cursor (the
// reply stays in the composer, editable, unsent, and Ctrl+Z takes it back), Esc gives the "/"
// back, Ctrl+Shift+R opens it from anywhere; placeholders left unfilled are named and marked.
// The manager: save, delete with undo, department scripts read-only but duplicable, export and
// import with a report.
#include "WorkspaceDesks.h"

#include "app/outbox/OutboxStore.h"
#include "app/scripts/ScriptLibrary.h"
#include "app/scripts/ScriptListModel.h"
#include "app/session/ConsultationActions.h"
#include "ui/scripts/ImportReport.h"
#include "ui/scripts/ScriptForm.h"
#include "ui/scripts/ScriptManager.h"
#include "ui/scripts/ScriptPicker.h"
#include "ui/shell/MainWindow.h"
#include "ui/workspace/ComposerEdit.h"
#include "ui/workspace/ReplyComposer.h"

#include <QApplication>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QTextBlock>
#include <QTextLayout>
#include <QUndoStack>
#include <QtTest>

namespace {
ReplyScript script(const QString &title, const QString &body)
{
    ReplyScript made;
    made.title = title;
    made.body = body;
    made.category = QStringLiteral("城建");
    return made;
}

// Closes the next modal dialog once it is open, after `look` has seen it.
void whenDialogOpens(std::function<void(QDialog *)> look)
{
    QTimer::singleShot(0, [look] {
        QTRY_VERIFY(qobject_cast<QDialog *>(QApplication::activeModalWidget()));
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        look(dialog);
        dialog->reject();
    });
}
} // namespace

class TestScriptViews : public QObject
{
    Q_OBJECT
private:
    IntegrationFixture fx{unthrottledServer()};
    QTemporaryDir data;
    std::unique_ptr<TestClient> rep;
    Desk a1;
    qint64 consultation = 0;
    QString elevatorId;

    ConversationView &conversation() { return *a1.view->conversation(); }
    ComposerEdit &composer() { return *conversation().composer(); }
    ScriptPicker &picker() { return *conversation().scriptPicker(); }
    ScriptLibrary &library() { return a1.session->scripts(); }

    // An empty reply box with the focus, the picker closed.
    void startAfresh()
    {
        picker().close();
        composer().clear();
        composer().setFocus();
        QVERIFY(!picker().isVisible());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(fx.start());
        rep = fx.representative(fx.cast.rep1);
        QVERIFY(rep);
        consultation = rep->openConsultation(fx.cast.deptA, QStringLiteral("话术测试"));
        QVERIFY(a1.open(fx, data.path(), fx.cast.responderA1));
        QVERIFY(a1.select(consultation));
        bool claimed = false;
        a1.session->actions().claim(consultation,
                                    [&](bool ok, const ActionFailure &) { claimed = ok; });
        QTRY_VERIFY_WITH_TIMEOUT(claimed, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(composer().isEnabled(), 5000);
        QVERIFY(conversation().scriptPicker());

        // Chinese cannot be typed with QTest: the scripts are written through the library.
        const auto elevator =
            library().save(script(QStringLiteral("Elevator subsidy 加装电梯补贴"),
                                  QStringLiteral("{代表姓名}{称谓}，您好！关于{办理事项}，补贴"
                                                 "可在街道受理中心申请。")));
        QVERIFY2(elevator, qPrintable(elevator ? QString() : elevator.error()));
        elevatorId = elevator->clientId;
        QVERIFY(library().save(
            script(QStringLiteral("Parking 停车"), QStringLiteral("停车问题已转交交通部门。"))));
    }

    void cleanupTestCase()
    {
        a1 = {};
        QVERIFY(fx.server.stop());
    }

    void slashInAnEmptyComposerOpensThePicker()
    {
        startAfresh();
        QTest::keyClick(&composer(), '/');
        QTRY_VERIFY(picker().isVisible());
        QCOMPARE(composer().toPlainText(), QString()); // the "/" was not typed
        // Ours and the department's (the server has some for every department).
        QCOMPARE(picker().model()->rowCount(), int(library().scripts().size()));
        QVERIFY(picker().filterEdit()->hasFocus());
    }

    void typingNarrowsAndEnterInsertsTheFilledScriptAtTheCursor()
    {
        startAfresh();
        composer().setPlainText(QStringLiteral("前文 "));
        composer().moveCursor(QTextCursor::End);
        QTest::keyClick(&composer(), '/');
        QTRY_VERIFY(picker().isVisible());
        QTest::keyClicks(picker().filterEdit(), QStringLiteral("eleva"));
        QCOMPARE(picker().model()->rowCount(), 1);
        QCOMPARE(picker().list()->currentIndex().data(ScriptListModel::ClientIdRole).toString(),
                 elevatorId);
        const int usesBefore = library().usage(elevatorId).count;
        QTest::keyClick(picker().filterEdit(), Qt::Key_Return);
        QTRY_VERIFY(!picker().isVisible());

        const DemoRepresentative &who = fx.catalog.representatives.at(0);
        const QString inserted =
            who.name + (who.npc ? QStringLiteral("代表") : QStringLiteral("委员")) +
            QStringLiteral("，您好！关于{办理事项}，补贴可在街道受理中心申请。");
        QCOMPARE(composer().toPlainText(), QStringLiteral("前文 ") + inserted);
        QCOMPARE(composer().textCursor().position(), int(composer().toPlainText().size()));
        QVERIFY(composer().isEnabled() && !composer().isReadOnly());
        QCOMPARE(library().usage(elevatorId).count, usesBefore + 1);
        // Not sent: the reply is still the officer's to finish.
        QTest::qWait(200);
        QVERIFY(a1.session->outbox().items(consultation).isEmpty());
        QVERIFY(conversation().notice().contains(QStringLiteral("{办理事项}")));

        // The placeholder left in the text is marked.
        const QTextBlock block = composer().document()->firstBlock();
        const int at = block.text().indexOf(QStringLiteral("{办理事项}"));
        bool marked = false;
        for (const QTextLayout::FormatRange &range : block.layout()->formats())
            marked = marked || (range.start == at && range.length == 6 &&
                                range.format.underlineStyle() == QTextCharFormat::WaveUnderline);
        QVERIFY(marked);

        // One Ctrl+Z takes the whole script back.
        QTest::keyClick(&composer(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(composer().toPlainText(), QStringLiteral("前文 "));
    }

    void escGivesTheSlashBackAndASlashInAWordIsJustTyped()
    {
        startAfresh();
        QTest::keyClicks(&composer(), QStringLiteral("a "));
        QTest::keyClick(&composer(), '/');
        QTRY_VERIFY(picker().isVisible());
        QTest::keyClick(picker().filterEdit(), Qt::Key_Escape);
        QTRY_VERIFY(!picker().isVisible());
        QCOMPARE(composer().toPlainText(), QStringLiteral("a /"));

        QTest::keyClicks(&composer(), QStringLiteral("b/c"));
        QVERIFY(!picker().isVisible());
        QCOMPARE(composer().toPlainText(), QStringLiteral("a /b/c"));
    }

    // Under a Chinese input method in Chinese punctuation, the "/" key commits "、".
    void aChineseInputMethodsSlashOpensThePickerToo()
    {
        startAfresh();
        QInputMethodEvent commit;
        commit.setCommitString(QStringLiteral("、"));
        QCoreApplication::sendEvent(&composer(), &commit);
        QTRY_VERIFY(picker().isVisible());
        QVERIFY(composer().toPlainText().isEmpty());
        QTest::keyClick(picker().filterEdit(), Qt::Key_Escape);
        QTRY_VERIFY(!picker().isVisible());
        QCOMPARE(composer().toPlainText(), QStringLiteral("、"));
        // After a word it is the enumeration comma it always was.
        QInputMethodEvent word;
        word.setCommitString(QStringLiteral("教育、"));
        QCoreApplication::sendEvent(&composer(), &word);
        QVERIFY(!picker().isVisible());
        QCOMPARE(composer().toPlainText(), QStringLiteral("、教育、"));
    }

    void aFilterWithoutMatchesSaysSo()
    {
        startAfresh();
        QTest::keyClick(&composer(), '/');
        QTRY_VERIFY(picker().isVisible());
        QTest::keyClicks(picker().filterEdit(), QStringLiteral("zzqx"));
        QCOMPARE(picker().model()->rowCount(), 0);
        QCOMPARE(picker().emptyText(), ScriptPicker::tr("No script matches"));
        QTest::keyClick(picker().filterEdit(), Qt::Key_Return); // nothing to insert: stays open
        QVERIFY(picker().isVisible());
        QTest::keyClick(picker().filterEdit(), Qt::Key_Escape);
        QTRY_VERIFY(!picker().isVisible());
        QCOMPARE(composer().toPlainText(), QStringLiteral("/"));
    }

    void ctrlShiftROpensThePickerFromAnywhere()
    {
        startAfresh();
        QApplication::setActiveWindow(a1.view.get());
        QVERIFY(QTest::qWaitForWindowActive(a1.view.get()));
        a1.queue().list()->setFocus();
        QTest::keyClick(a1.view.get(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(picker().isVisible());
        QTest::keyClicks(picker().filterEdit(), QStringLiteral("parking"));
        QTest::keyClick(picker().filterEdit(), Qt::Key_Enter);
        QTRY_VERIFY(!picker().isVisible());
        QCOMPARE(composer().toPlainText(), QStringLiteral("停车问题已转交交通部门。"));
        QVERIFY(composer().hasFocus());
        QCOMPARE(conversation().notice(), QString()); // nothing left to fill
    }

    void anOutdatedScriptSaysSo()
    {
        ReplyScript old = script(QStringLiteral("Old policy 旧政策"), QStringLiteral("旧政策。"));
        old.validUntil = QDate(2020, 6, 30);
        QVERIFY(library().save(old));
        startAfresh();
        QTest::keyClick(&composer(), '/');
        QTRY_VERIFY(picker().isVisible());
        QTest::keyClicks(picker().filterEdit(), QStringLiteral("old policy"));
        QCOMPARE(picker().model()->rowCount(), 1);
        QTest::keyClick(picker().filterEdit(), Qt::Key_Return);
        QCOMPARE(composer().toPlainText(), QStringLiteral("旧政策。"));
        QCOMPARE(conversation().notice(),
                 ReplyComposer::tr("This script was valid until %1 and may be outdated.")
                     .arg(QStringLiteral("2020-06-30")));
    }

    void theMainWindowOpensTheManagerWithItsShortcut()
    {
        MainWindow window;
        window.setSession(a1.session.get());
        QVERIFY(window.scripts());
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(window.scripts()->isVisible());
        window.setSession(nullptr);
        QVERIFY(!window.scripts());
    }

    void theManagerSavesDeletesAndUndoes()
    {
        ScriptManager manager(library());
        manager.newScript();
        QTest::keyClicks(manager.form()->titleEdit(), QStringLiteral("Heating"));
        manager.form()->bodyEdit()->setPlainText(QStringLiteral("供暖问题请联系{部门}。"));
        QVERIFY(manager.save());
        const QString id = manager.currentClientId();
        QVERIFY(!id.isEmpty());
        QCOMPARE(library().find(id)->title, QStringLiteral("Heating"));
        QVERIFY(manager.model()->rowOf(id) >= 0);
        QCOMPARE(manager.list()->currentIndex().row(), manager.model()->rowOf(id));

        manager.deleteCurrent();
        QVERIFY(!library().find(id));
        QCOMPARE(manager.notice(),
                 ScriptManager::tr("Deleted “%1”.").arg(QStringLiteral("Heating")));
        manager.undoStack()->undo();
        const QString back = manager.currentClientId();
        QVERIFY(library().find(back));
        QCOMPARE(library().find(back)->title, QStringLiteral("Heating"));
        QCOMPARE(manager.list()->currentIndex().row(), manager.model()->rowOf(back));
        QVERIFY(manager.undoStack()->canRedo());
        manager.undoStack()->redo();
        QVERIFY(!library().find(back));
    }

    void aDepartmentScriptIsReadOnlyButCanBeDuplicated()
    {
        QVERIFY(!library().isEditor());
        const QList<ReplyScript> scripts = library().scripts();
        const auto department = std::find_if(scripts.cbegin(), scripts.cend(),
                                             [](const ReplyScript &s) { return s.isDepartment(); });
        QVERIFY(department != scripts.cend());
        ScriptManager manager(library());
        manager.select(department->clientId);
        QCOMPARE(manager.currentClientId(), department->clientId);
        QVERIFY(!manager.form()->isEditable());
        QVERIFY(manager.form()->titleEdit()->isReadOnly());
        // It looks read-only too: no white field that ignores typing.
        const QPalette shown = manager.form()->titleEdit()->palette();
        QCOMPARE(shown.color(QPalette::Base), shown.color(QPalette::Window));
        manager.deleteCurrent();
        QVERIFY(library().find(department->clientId));

        manager.duplicate();
        const QString copy = manager.currentClientId();
        QVERIFY(copy != department->clientId);
        QVERIFY(!library().find(copy)->isDepartment());
        QVERIFY(manager.form()->isEditable());
        QVERIFY(manager.form()->titleEdit()->palette().color(QPalette::Base) !=
                manager.form()->titleEdit()->palette().color(QPalette::Window));
        QVERIFY(manager.form()->titleEdit()->hasFocus() || !manager.isVisible());
    }

    void anImportReportsWhatCameInAndWhatNot()
    {
        ScriptManager manager(library());
        const QString file = data.filePath(QStringLiteral("scripts.json"));
        const QList<ReplyScript> scripts = library().scripts();
        const int department =
            int(std::count_if(scripts.cbegin(), scripts.cend(),
                              [](const ReplyScript &s) { return s.isDepartment(); }));
        QVERIFY(manager.exportTo(file, scripts));
        QString report;
        whenDialogOpens([&](QDialog *dialog) {
            if (auto *shown = qobject_cast<ImportReport *>(dialog))
                report = shown->text();
        });
        manager.importFile(file);
        // Department scripts from an officer who is not an editor are refused, each with its row.
        const QStringList lines = report.split(u'\n');
        QCOMPARE(lines.value(0),
                 ImportReport::tr("Imported %1 scripts.").arg(scripts.size() - department) +
                     QLatin1Char(' ') + ImportReport::tr("%1 rows were rejected:").arg(department));
        QCOMPARE(lines.size(), 1 + department);
        QCOMPARE(int(library().scripts().size()), 2 * int(scripts.size()) - department);
        QVERIFY(manager.notice().contains(QStringLiteral("scripts.json")));
    }
};

QTEST_MAIN(TestScriptViews)
#include "tst_scriptviews.moc"
