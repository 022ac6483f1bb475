// The console as a help-desk kiosk, offscreen, against the real server and a real Secret
// Service, on a clock the test drives: a stranger signs in through the full-screen dialog (no
// Quit, no "remember"); the one window cannot be closed or left and opens no second one;
// targets and type are large enough; an idle desk warns and signs out; sign-out waits for
// replies on their way and, past the limit, gives them up with a notice and a record the next
// session hands to the server; afterwards no keychain entry, an empty clipboard, no private
// folder, and not one file written under the home folder.
#include "ConsoleRoot.h"
#include "FakeClock.h"
#include "IntegrationFixture.h"
#include "KioskDesk.h"
#include "app/account/CredentialStore.h"
#include "app/kiosk/KioskPrivateFolder.h"
#include "app/session/AccountSession.h"
#include "app/session/Replies.h"
#include "ui/shell/MainWindow.h"
#include "ui/signin/SignInDialog.h"
#include "ui/workspace/ComposerEdit.h"
#include "ui/workspace/ConversationView.h"
#include "ui/workspace/ReplyComposer.h"
#include "ui/workspace/WorkspaceView.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QtGui/private/qguiapplication_p.h>
#include <QtTest>
#include <qpa/qplatforminputcontext.h>
#include <qpa/qplatformintegration.h>
#include <qpa/qwindowsysteminterface.h>

namespace {

// Every file under `folder` with its size and modification time.
QMap<QString, QString> filesUnder(const QString &folder)
{
    QMap<QString, QString> files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        files.insert(it.filePath(), QString::number(it.fileInfo().size()) + u' ' +
                                        it.fileInfo().lastModified().toString(Qt::ISODateWithMs));
    }
    return files;
}

QPushButton *button(QWidget *in, const QString &text)
{
    for (QPushButton *b : in->findChildren<QPushButton *>()) {
        if (b->text() == text && b->isVisible())
            return b;
    }
    return nullptr;
}

bool underCage()
{
    return QGuiApplication::platformName() == QLatin1String("wayland");
}

// Each clickable thing in view at least a fingertip wide and high; the number checked.
int checkTargets(QWidget *window)
{
    int checked = 0;
    for (QWidget *w : window->findChildren<QWidget *>()) {
        const bool target = qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w) ||
                            qobject_cast<QLineEdit *>(w);
        if (!target || !w->isVisible() || w->visibleRegion().isEmpty())
            continue;
        ++checked;
        if (w->width() < KioskFrame::minimumTarget || w->height() < KioskFrame::minimumTarget) {
            QTest::qFail(qPrintable(QStringLiteral("%1 '%2' is %3×%4")
                                        .arg(QString::fromLatin1(w->metaObject()->className()),
                                             w->accessibleName(), QString::number(w->width()),
                                             QString::number(w->height()))),
                         __FILE__, __LINE__);
            return -1;
        }
    }
    return checked;
}

// A screenshot of what the kiosk shows. The window's own pixels (QWidget::grab(), which is
// what cage shows full screen, nothing around it): on its headless output cage 0.1.4 redraws
// only the parts a client reports changed, so grim's picture keeps stale and black areas of
// earlier frames. grim (`compositor`) for a window just mapped, which is drawn whole: a dialog,
// to see where cage puts it.
bool shoot(QWidget *window, const QString &name, bool compositor = false)
{
    const QString folder = qEnvironmentVariable("CONSULT_KIOSK_SHOTS");
    if (folder.isEmpty())
        return true;
    const QString path = QDir(folder).filePath(
        name + u'-' + qEnvironmentVariable("CONSULT_SHOT_LANG", QStringLiteral("en")) +
        QStringLiteral(".png"));
    QTest::qWait(500);
    if (compositor)
        return QProcess::execute(QStringLiteral("grim"), {path}) == 0;
    return window->grab().save(path);
}

// A key as Qt's Wayland plugin delivers a keyboard's key: with its X keysym and evdev code + 8,
// offered to the input method (fcitx5's Qt module) first and to the window only if the input
// method passes it on. Done here because cage has no virtual-keyboard protocol to type through
// and this machine no uinput device to make a keyboard with.
void typeKey(QWindow *window, char latin)
{
    struct Key
    {
        char latin;
        int qtKey;
        quint32 scanCode;
    };
    static const Key keys[] = {{'n', Qt::Key_N, 49 + 8}, {'i', Qt::Key_I, 23 + 8},
                               {'h', Qt::Key_H, 35 + 8}, {'a', Qt::Key_A, 30 + 8},
                               {'o', Qt::Key_O, 24 + 8}, {' ', Qt::Key_Space, 57 + 8}};
    for (const Key &key : keys) {
        if (key.latin != latin)
            continue;
        const QString text(QLatin1Char(key.latin));
        QPlatformInputContext *inputMethod =
            QGuiApplicationPrivate::platformIntegration()->inputContext();
        for (QEvent::Type type : {QEvent::KeyPress, QEvent::KeyRelease}) {
            QKeyEvent event(type, key.qtKey, Qt::NoModifier, key.scanCode,
                            quint32(uchar(key.latin)), 0, text);
            if (!inputMethod || !inputMethod->filterEvent(&event))
                QWindowSystemInterface::handleExtendedKeyEvent(window, type, key.qtKey,
                                                               Qt::NoModifier, key.scanCode,
                                                               quint32(uchar(key.latin)), 0, text);
        }
        QWindowSystemInterface::flushWindowSystemEvents();
        QTest::qWait(80);
    }
}

// The home folder and runtime folder this process gets, made before QApplication reads them.
QString g_home;
std::unique_ptr<QTemporaryDir> g_private;

} // namespace

class TestKiosk : public QObject
{
    Q_OBJECT

    IntegrationFixture fx{{QStringLiteral("--port"), QString::number(ServerProcess::freePort())}};
    QTemporaryDir m_state; // the desk's own state folder (/var/lib/responder-kiosk)
    qint64 m_consultation = 0;
    QMap<QString, QString> m_homeAtStart;

    ConsoleRoot::Options options(const FakeClock &time, const QString &password = {}) const
    {
        KioskConfig config;
        config.stateFolder = m_state.path();
        config.idleSeconds = 300;
        config.warningSeconds = 30;
        config.outboxLimitSeconds = 120;
        ConsoleRoot::Options o;
        o.servers = {fx.server.url()};
        o.kiosk = config;
        o.kioskClock = time.clock();
        QDir(g_private->path()).mkpath(QStringLiteral("data"));
        o.privateFolder = g_private->path();
        o.dataFolder = g_private->filePath(QStringLiteral("data"));
        o.settingsPath = g_private->filePath(QStringLiteral("console.ini"));
        if (!password.isEmpty()) {
            o.user = fx.cast.responderA1;
            o.password = password;
        }
        return o;
    }

    // Signs in, then the server goes away and the officer writes `text`: a reply on its way.
    bool replyWhileTheServerIsDown(ConsoleRoot &root, const QString &text)
    {
        const auto online = [&root] {
            return root.session() &&
                   root.session()->connectionState() == AccountSession::ConnectionState::Online;
        };
        root.start();
        if (!QTest::qWaitFor(online, 10000) || !fx.server.stop() ||
            !QTest::qWaitFor([&] { return !online(); }, 10000))
            return false;
        return bool(root.session()->replies().sendText(m_consultation, text));
    }

    // The private folder is removed at each sign-out; the next sign-in here gets a new one.
    static void renewPrivateFolder()
    {
        QString error;
        g_private = makeKioskPrivateFolder(&error);
        QVERIFY2(g_private, qPrintable(error));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(fx.start());
        auto rep = fx.representative(fx.cast.rep1);
        QVERIFY(rep);
        m_consultation = rep->openConsultation(fx.cast.deptA, QStringLiteral("展位咨询：停车"));
        QVERIFY(m_consultation > 0);
        auto officer = fx.responder(fx.cast.responderA1);
        QVERIFY(officer);
        officer->ok(QStringLiteral("consultation.claim"),
                    {{QStringLiteral("consultationId"), m_consultation}});
        m_homeAtStart = filesUnder(g_home);
    }

    void cleanupTestCase()
    {
        QVERIFY(fx.server.stop());
        // Not one file written under the home folder by anything the kiosk did.
        QCOMPARE(filesUnder(g_home), m_homeAtStart);
    }

    void strangerSignsInAndCannotLeave()
    {
        FakeClock time;
        ConsoleRoot root(options(time));
        QSignalSpy quit(&root, &ConsoleRoot::quitRequested);
        root.start();
        QTRY_VERIFY(root.signInDialog() && root.signInDialog()->isVisible());
        SignInDialog *dialog = root.signInDialog();
        QVERIFY(dialog->isFullScreen());
        QVERIFY(!dialog->findChild<QCheckBox *>()->isVisible()); // nothing is remembered
        QVERIFY(!button(dialog, SignInDialog::tr("&Quit")));
        QTest::keyClick(dialog, Qt::Key_Escape);
        QVERIFY(dialog->isVisible());

        dialog->findChildren<QLineEdit *>().at(1)->setText(fx.cast.responderA1);
        dialog->findChildren<QLineEdit *>().at(2)->setText(demoResponderPassword());
        button(dialog, SignInDialog::tr("&Sign in"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(root.mainWindow() && root.mainWindow()->isVisible(), 10000);
        MainWindow *window = root.mainWindow();
        QVERIFY(window->isFullScreen());

        // No way out: closing, Alt+F4, Ctrl+Q; no Quit or Preferences to find in the menus.
        QVERIFY(!window->close());
        QTest::keyClick(window, Qt::Key_F4, Qt::AltModifier);
        QTest::keyClick(window, Qt::Key_Q, Qt::ControlModifier);
        QCoreApplication::processEvents();
        QVERIFY(window->isVisible());
        QCOMPARE(quit.size(), 0);
        for (QAction *menu : window->menuBar()->actions()) {
            for (QAction *action : menu->menu()->actions()) {
                if (!action->isVisible())
                    continue;
                QVERIFY2(action->text() != MainWindow::tr("&Quit") &&
                             action->text() != MainWindow::tr("&Preferences…"),
                         qPrintable(action->text()));
            }
        }
        // No second window: a stray top-level is taken away as it appears.
        QWidget stray(nullptr, Qt::Window);
        stray.show();
        QTRY_VERIFY(!stray.isVisible());

        // Large enough for a stranger: type and every clickable target in view.
        QVERIFY(QApplication::font().pointSizeF() >= 16);
        const int checked = checkTargets(window);
        QVERIFY(checked > 3);
        QVERIFY(window->menuBar()->height() >= KioskFrame::minimumTarget);
    }

    // Under cage (tests/kiosk/under-cage.sh): the one window fills the 1280×720 output with no
    // title bar, dialogs belong to it, and targets are large enough at that size.
    void oneWindowFillsTheOutput()
    {
        if (!underCage())
            QSKIP("runs under cage (tests/kiosk/under-cage.sh)");
        renewPrivateFolder();
        FakeClock time;
        ConsoleRoot root(options(time));
        root.start();
        QTRY_VERIFY(root.signInDialog() && root.signInDialog()->isVisible());
        SignInDialog *dialog = root.signInDialog();
        const QSize output = dialog->screen()->geometry().size();
        QCOMPARE(output, QSize(1280, 720));
        QTRY_COMPARE(dialog->size(), output);
        QCOMPARE(dialog->frameGeometry().size(), dialog->size()); // no decorations
        QVERIFY(checkTargets(dialog) >= 3);
        QVERIFY(shoot(dialog, QStringLiteral("kiosk-signin")));

        dialog->findChildren<QLineEdit *>().at(1)->setText(fx.cast.responderA1);
        dialog->findChildren<QLineEdit *>().at(2)->setText(demoResponderPassword());
        button(dialog, SignInDialog::tr("&Sign in"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(root.mainWindow() && root.mainWindow()->isVisible(), 10000);
        MainWindow *window = root.mainWindow();
        QTRY_COMPARE(window->size(), output);
        QCOMPARE(window->frameGeometry().size(), window->size());
        window->workspace()->conversation()->open(m_consultation);
        QTest::qWait(500);
        QVERIFY(checkTargets(window) > 3);
        QVERIFY(shoot(window, QStringLiteral("kiosk-conversation")));

        // A dialog is a child of the one window, which the compositor centres on it.
        QTimer::singleShot(300, this, [&] {
            QWidget *modal = QApplication::activeModalWidget();
            QVERIFY(modal && modal != window);
            QCOMPARE(modal->windowHandle()->transientParent(), window->windowHandle());
            QVERIFY(modal->width() < window->width() && modal->height() < window->height());
            QVERIFY(shoot(window, QStringLiteral("kiosk-dialog"), true));
            modal->close();
        });
        QTest::keyClick(window, Qt::Key_Slash, Qt::ControlModifier); // the keyboard shortcuts
        // Idle count-down and sign-out waiting, as a stranger sees them.
        time.advanceSeconds(275);
        root.kiosk()->idle().check();
        QVERIFY(shoot(window, QStringLiteral("kiosk-idle")));
    }

    // Under cage with fcitx5 (the kiosk session's input method): "nihao" and a space typed into
    // the reply box give 你好.
    void typesChineseWithPinyin()
    {
        if (!underCage() || qEnvironmentVariable("QT_IM_MODULE") != QLatin1String("fcitx"))
            QSKIP("runs under cage with fcitx5 (tests/kiosk/under-cage.sh)");
        renewPrivateFolder();
        FakeClock time;
        ConsoleRoot root(options(time, demoResponderPassword()));
        root.start();
        QTRY_VERIFY_WITH_TIMEOUT(root.mainWindow() && root.mainWindow()->isVisible(), 10000);
        MainWindow *window = root.mainWindow();
        window->workspace()->conversation()->open(m_consultation);
        auto *box = window->findChild<ComposerEdit *>();
        QVERIFY(box);
        QTRY_VERIFY_WITH_TIMEOUT(box->isEnabled() && box->isVisible(), 10000);
        window->activateWindow();
        box->setFocus();
        QTRY_VERIFY(QGuiApplication::focusWindow() == window->windowHandle());
        QTRY_COMPARE(QApplication::focusWidget(), box);
        // fcitx5 makes the box's input context over D-Bus when the box takes the focus; keys
        // typed before it exists pass through as Latin letters, as they would for a person.
        QTest::qWait(1500);
        for (char c : QByteArray("nihao "))
            typeKey(window->windowHandle(), c);
        QTRY_COMPARE_WITH_TIMEOUT(box->toPlainText(), QStringLiteral("你好"), 5000);
    }

    void idleDeskSignsOutAndLeavesNothing()
    {
        renewPrivateFolder();
        FakeClock time;
        ConsoleRoot root(options(time, demoResponderPassword()));
        QSignalSpy quit(&root, &ConsoleRoot::quitRequested);
        root.start();
        QTRY_VERIFY_WITH_TIMEOUT(root.mainWindow() && root.mainWindow()->isVisible(), 10000);
        const Account account = root.session()->account();
        QGuiApplication::clipboard()->setText(QStringLiteral("代表手机 13800000000"));

        time.advanceSeconds(271);
        root.kiosk()->idle().check();
        auto *banner = root.mainWindow()->findChild<QLabel *>();
        for (QLabel *label : root.mainWindow()->findChildren<QLabel *>()) {
            if (label->accessibleName() == KioskFrame::tr("Idle warning"))
                banner = label;
        }
        QVERIFY(banner && banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("29")), qPrintable(banner->text()));

        // Someone touches the desk: the warning goes, and the wait starts again.
        QTest::mouseMove(root.mainWindow(), QPoint(300, 300));
        QTest::keyClick(root.mainWindow(), Qt::Key_Shift);
        QVERIFY(!banner->isVisible());
        time.advanceSeconds(200);
        root.kiosk()->idle().check();
        QCOMPARE(quit.size(), 0);

        time.advanceSeconds(101);
        root.kiosk()->idle().check();
        QTRY_COMPARE_WITH_TIMEOUT(quit.size(), 1, 10000);
        QCOMPARE(quit.first().at(0).toInt(), 0);
        QVERIFY(!QDir(g_private->path()).exists());
        QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
        QVERIFY(!root.mainWindow() || !root.mainWindow()->isVisible());

        // Nothing in the keychain for the account (the kiosk never wrote one).
        CredentialStore keychain;
        bool answered = false;
        keychain.read(account, CredentialStore::Secret::Token,
                      [&answered](Expected<QString, CredentialStore::Failure> token) {
                          answered = true;
                          QVERIFY(!token);
                          QCOMPARE(token.error().kind, CredentialStore::Failure::Kind::NotFound);
                      });
        QTRY_VERIFY(answered);
    }

    void signOutWaitsForRepliesOnTheirWay()
    {
        renewPrivateFolder();
        FakeClock time;
        ConsoleRoot root(options(time, demoResponderPassword()));
        QSignalSpy quit(&root, &ConsoleRoot::quitRequested);
        QVERIFY(replyWhileTheServerIsDown(root, QStringLiteral("请到三号窗口")));

        Q_EMIT root.mainWindow()->signOutRequested();
        QWidget *overlay = root.kiosk()->frame().overlay();
        QTRY_VERIFY(overlay && overlay->isVisible());
        QStringList shown;
        for (QLabel *label : overlay->findChildren<QLabel *>())
            shown << label->text();
        // Which consultation, never the words: the next person at the desk may be reading.
        const QString text = shown.join(u' ');
        QVERIFY2(text.contains(QString::number(m_consultation)) &&
                     !text.contains(QStringLiteral("三号窗口")),
                 qPrintable(text));
        // The officer asked to sign out, and may stay.
        QVERIFY(button(overlay, KioskFrame::tr("Stay signed in")));
        QCOMPARE(quit.size(), 0);

        // The server comes back: the reply goes out, and only then does the desk sign out.
        QVERIFY(fx.server.start(fx.server.databasePath()));
        QTRY_COMPARE_WITH_TIMEOUT(quit.size(), 1, 30000);
        auto rep = fx.representative(fx.cast.rep1);
        const QJsonArray history = rep->ok(QStringLiteral("messages.history"),
                                           {{QStringLiteral("consultationId"), m_consultation}})
                                       .value(QLatin1String("messages"))
                                       .toArray();
        int delivered = 0;
        for (const QJsonValue &m : history)
            delivered += m.toObject().value(QLatin1String("text")).toString() ==
                         QStringLiteral("请到三号窗口");
        QCOMPARE(delivered, 1);
    }

    // Nobody is at an idle desk: whoever sits down while its replies go out may not stay in
    // the officer's session.
    void idleSignOutCannotBeTakenOver()
    {
        renewPrivateFolder();
        FakeClock time;
        ConsoleRoot root(options(time, demoResponderPassword()));
        QSignalSpy quit(&root, &ConsoleRoot::quitRequested);
        QVERIFY(replyWhileTheServerIsDown(root, QStringLiteral("稍后回电")));
        time.advanceSeconds(301);
        root.kiosk()->idle().check();
        QWidget *overlay = root.kiosk()->frame().overlay();
        QTRY_VERIFY(overlay && overlay->isVisible());
        QVERIFY(!button(overlay, KioskFrame::tr("Stay signed in")));
        QVERIFY(fx.server.start(fx.server.databasePath()));
        QTRY_COMPARE_WITH_TIMEOUT(quit.size(), 1, 30000);
    }

    void pastTheLimitRepliesAreGivenUpAndTheServerIsTold()
    {
        renewPrivateFolder();
        FakeClock time;
        {
            ConsoleRoot root(options(time, demoResponderPassword()));
            QSignalSpy quit(&root, &ConsoleRoot::quitRequested);
            QVERIFY(replyWhileTheServerIsDown(root, QStringLiteral("不会送达")));
            Q_EMIT root.mainWindow()->signOutRequested();
            QTRY_VERIFY(root.kiosk()->gate() && root.kiosk()->gate()->isWaiting());
            time.advanceSeconds(121);
            root.kiosk()->gate()->check();

            QWidget *overlay = root.kiosk()->frame().overlay();
            QTRY_VERIFY(overlay->isVisible());
            QCOMPARE(root.kiosk()->reports().pendingCount(), 1);
            QPushButton *ok = button(overlay, KioskFrame::tr("OK"));
            QVERIFY(ok);
            ok->click();
            QTRY_COMPARE_WITH_TIMEOUT(quit.size(), 1, 10000);
        }
        // The next session at this desk, whoever signs in, hands the record to the server.
        QVERIFY(fx.server.start(fx.server.databasePath()));
        renewPrivateFolder();
        ConsoleRoot next(options(time, demoResponderPassword()));
        QSignalSpy recorded(&next.kiosk()->reports(), &DiscardReports::recorded);
        next.start();
        QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 20000);
        QCOMPARE(recorded.first().at(0).toInt(), 1); // the server kept the one reply given up
        QCOMPARE(next.kiosk()->reports().pendingCount(), 0);
    }
};

int main(int argc, char *argv[])
{
    // A home folder and a runtime folder of the test's own, set before Qt reads them.
    QTemporaryDir home;
    QTemporaryDir runtime;
    g_home = home.path();
    qputenv("HOME", QFile::encodeName(home.path()));
    // Under cage the runtime folder is the harness's own, fresh one, and holds cage's socket.
    if (!qEnvironmentVariableIsSet("WAYLAND_DISPLAY"))
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime.path()));
    for (const char *variable :
         {"XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"})
        qunsetenv(variable);
    QString error;
    g_private = makeKioskPrivateFolder(&error);
    if (!g_private) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    QApplication app(argc, argv);
    KioskFrame::applyLook(app);
    // Screenshots in Chinese (scripts/screenshots.sh); the assertions hold in either language.
    if (qEnvironmentVariable("CONSULT_SHOT_LANG") == QLatin1String("zh")) {
        const QLocale chinese(QLocale::Chinese, QLocale::China);
        QLocale::setDefault(chinese);
        ConsoleRoot::installTranslations(chinese);
    }
    TestKiosk test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_kiosk.moc"
