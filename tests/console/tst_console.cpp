// The whole console as the officer meets it, offscreen, against the real server and a real
// Secret Service: a first sign-in through the dialog (errors in words, then success); the token
// and password end up in the keychain and in no file; the next start resumes from the keychain
// token alone even with the server down; signing out revokes the token and empties the keychain.
// Also: the Chinese interface is complete and loads.
#include "ConsoleRoot.h"
#include "IntegrationFixture.h"
#include "app/account/CredentialStore.h"
#include "app/session/AccountSession.h"
#include "app/workspace/ConsultationListModel.h"
#include "server/demo/DemoCatalog.h"
#include "ui/search/SearchView.h"
#include "ui/shell/ConnectionIndicator.h"
#include "ui/shell/MainWindow.h"
#include "ui/signin/SignInDialog.h"
#include "ui/workspace/ConversationView.h"
#include "ui/workspace/DossierView.h"
#include "ui/workspace/WorkspaceView.h"

#include <QApplication>
#include <QCheckBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

namespace {
// Every file under the folders a desktop application writes to, that contains `secret`.
QStringList filesContaining(const QByteArray &secret)
{
    QStringList found;
    for (auto location :
         {QStandardPaths::GenericConfigLocation, QStandardPaths::GenericDataLocation,
          QStandardPaths::GenericCacheLocation}) {
        QDirIterator it(QStandardPaths::writableLocation(location), QDir::Files | QDir::Hidden,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.contains(QLatin1String("/keyrings/")))
                continue; // the Secret Service's own encrypted store
            QFile file(path);
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(secret))
                found << path;
        }
    }
    return found;
}

std::optional<QString> readSecret(CredentialStore &store, const Account &account,
                                  CredentialStore::Secret secret)
{
    std::optional<QString> value;
    bool done = false;
    store.read(account, secret, [&](Expected<QString, CredentialStore::Failure> read) {
        if (read)
            value = *read;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        qWarning("the keychain did not answer");
    return value;
}

void fillAndSubmit(SignInDialog *dialog, const QString &user, const QString &password,
                   bool remember)
{
    dialog->findChildren<QLineEdit *>().at(1)->setText(user);
    dialog->findChildren<QLineEdit *>().at(2)->setText(password);
    dialog->findChild<QCheckBox *>()->setChecked(remember);
    for (QPushButton *button : dialog->findChildren<QPushButton *>()) {
        if (button->text() == SignInDialog::tr("&Sign in"))
            button->click();
    }
}

QString shownError(SignInDialog *dialog)
{
    for (QLabel *label : dialog->findChildren<QLabel *>()) {
        if (label->accessibleName() == SignInDialog::tr("Sign-in problem") && label->isVisible())
            return label->text();
    }
    return {};
}
} // namespace

class TestConsole : public QObject
{
    Q_OBJECT
private:
    // Where the product puts them: the test runs in a throwaway HOME (with-keyring.sh).
    // Files in a folder of the test's own.
    static ConsoleRoot::Options optionsIn(const QTemporaryDir &home, const QUrl &server)
    {
        ConsoleRoot::Options o;
        o.servers = {server};
        o.dataFolder = home.filePath(QStringLiteral("data"));
        o.settingsPath = home.filePath(QStringLiteral("console.ini"));
        return o;
    }

    ConsoleRoot::Options options(const QUrl &server) const
    {
        ConsoleRoot::Options o;
        o.servers = {server};
        o.dataFolder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
        o.settingsPath = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
                         QStringLiteral("/console.ini");
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("CONSULT_EXPECT_KEYCHAIN") &&
            qEnvironmentVariableIsEmpty("CONSULT_EXPECT_NO_KEYCHAIN"))
            QSKIP("runs under tests/testsupport/with-keyring.sh, or with no D-Bus session");
        QCoreApplication::setOrganizationName(QStringLiteral("responder-console"));
        QCoreApplication::setApplicationName(QStringLiteral("responder-console"));
    }

    void signInResumeOfflineAndSignOut()
    {
        const quint16 port = ServerProcess::freePort();
        IntegrationFixture fx({QStringLiteral("--port"), QString::number(port)});
        QVERIFY(fx.start());
        // Something waiting in the department, to be seen online and, later, offline.
        auto rep = fx.representative(fx.cast.rep1);
        QVERIFY(rep);
        const qint64 waiting = rep->openConsultation(fx.cast.deptA, QStringLiteral("离线可见"));
        rep.reset();
        const QString password = demoResponderPassword();
        const Account account{fx.server.url(), fx.cast.responderA1};
        CredentialStore keychain;
        QString token;
        {
            ConsoleRoot root(options(fx.server.url()));
            root.start();
            QTRY_VERIFY(root.signInDialog() && root.signInDialog()->isVisible());
            QVERIFY(!root.mainWindow());

            fillAndSubmit(root.signInDialog(), fx.cast.responderA1, QStringLiteral("wrong"), true);
            QTRY_COMPARE_WITH_TIMEOUT(
                shownError(root.signInDialog()),
                SignInDialog::describe({SignInFailure::Kind::WrongPassword, 0, {}}), 10000);
            QVERIFY(!root.mainWindow());

            fillAndSubmit(root.signInDialog(), fx.cast.responderA1, password, true);
            QTRY_VERIFY_WITH_TIMEOUT(root.mainWindow() && root.mainWindow()->isVisible(), 10000);
            QVERIFY(!root.signInDialog()->isVisible());
            QTRY_COMPARE_WITH_TIMEOUT(root.mainWindow()->connectionIndicator()->text(),
                                      ConnectionIndicator::tr("Online"), 10000);
            QTRY_COMPARE_WITH_TIMEOUT(root.mainWindow()->syncText(),
                                      MainWindow::tr("Cache up to date"), 30000);

            const auto stored = readSecret(keychain, account, CredentialStore::Secret::Token);
            QVERIFY(stored && stored->size() == 64);
            token = *stored;
            QCOMPARE(readSecret(keychain, account, CredentialStore::Secret::Password), password);
            QCOMPARE(filesContaining(token.toUtf8()), QStringList());
            QCOMPARE(filesContaining(password.toUtf8()), QStringList());
        }

        // The server is down. The next start resumes from the keychain token alone: no dialog,
        // the main window with the cached data, waiting to reconnect.
        QVERIFY(fx.server.stop());
        {
            ConsoleRoot root(options(fx.server.url()));
            root.start();
            QTRY_VERIFY_WITH_TIMEOUT(root.mainWindow() && root.mainWindow()->isVisible(), 10000);
            QVERIFY(!root.signInDialog());
            // The queue is read from the cache at once, without the server.
            ConsultationListModel *queue = root.mainWindow()->workspace()->queueModel();
            QTRY_VERIFY_WITH_TIMEOUT(queue->rowOf(waiting) >= 0, 10000);
            QTRY_VERIFY_WITH_TIMEOUT(root.mainWindow()->connectionIndicator()->text().startsWith(
                                         ConnectionIndicator::tr("Offline · reconnecting in %1 s")
                                             .section(QLatin1Char('%'), 0, 0)),
                                     10000);

            // Back online, then signed out: token revoked on the server, keychain emptied.
            ServerProcess again({QStringLiteral("--port"), QString::number(port)});
            QVERIFY(again.start(fx.server.databasePath()));
            QTRY_COMPARE_WITH_TIMEOUT(root.mainWindow()->connectionIndicator()->text(),
                                      ConnectionIndicator::tr("Online"), 15000);
            Q_EMIT root.mainWindow()->signOutRequested();
            QTRY_VERIFY_WITH_TIMEOUT(root.signInDialog() && root.signInDialog()->isVisible(),
                                     10000);
            QVERIFY(!root.session());
            QTRY_VERIFY_WITH_TIMEOUT(
                !readSecret(keychain, account, CredentialStore::Secret::Token).has_value(), 10000);
            QVERIFY(!readSecret(keychain, account, CredentialStore::Secret::Password).has_value());
            TestClient probe(again.url());
            QVERIFY(probe.connectAndHello());
            QCOMPARE(probe.call(QStringLiteral("auth.resume"), {{QStringLiteral("token"), token}})
                         .errorCode,
                     ErrorCode::TokenInvalid);
            QVERIFY(again.stop());
        }
    }

    // A shared desk: after sign-out nothing of the officer stays on screen, and Sign in without
    // typing signs nobody in.
    void signOutLeavesNothingBehind()
    {
        IntegrationFixture fx;
        QVERIFY(fx.start());
        auto rep = fx.representative(fx.cast.rep1);
        QVERIFY(rep);
        const qint64 asked = rep->openConsultation(fx.cast.deptA, QStringLiteral("加装电梯补贴"));
        rep.reset();
        ConsoleRoot root(options(fx.server.url()));
        root.start();
        QTRY_VERIFY(root.signInDialog() && root.signInDialog()->isVisible());
        fillAndSubmit(root.signInDialog(), fx.cast.responderA1, demoResponderPassword(), true);
        QTRY_VERIFY_WITH_TIMEOUT(root.mainWindow() && root.mainWindow()->isVisible(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(root.mainWindow()->syncText(), MainWindow::tr("Cache up to date"),
                                  30000);
        WorkspaceView *workspace = root.mainWindow()->workspace();
        workspace->search()->show();
        workspace->search()->queryEdit()->setText(QStringLiteral("电梯"));
        ConsultationListModel *queue = workspace->queueModel();
        QTRY_VERIFY_WITH_TIMEOUT(queue->rowOf(asked) >= 0, 10000);
        workspace->conversation()->open(asked);
        QTRY_VERIFY_WITH_TIMEOUT(!workspace->dossier()->contactText().trimmed().isEmpty(), 10000);

        // The server goes away: the cache is no longer said to be up to date.
        QVERIFY(fx.server.stop());
        QTRY_VERIFY_WITH_TIMEOUT(root.mainWindow()->syncText().startsWith(
                                     MainWindow::tr("Cache as of %1").section(u'%', 0, 0)),
                                 10000);

        Q_EMIT root.mainWindow()->signOutRequested();
        QTRY_VERIFY_WITH_TIMEOUT(root.signInDialog() && root.signInDialog()->isVisible(), 10000);
        QVERIFY(!root.mainWindow()->isVisible());
        QVERIFY(!workspace->search()->isVisible());
        QCOMPARE(workspace->search()->queryEdit()->text(), QString());
        QCOMPARE(workspace->dossier()->contactText().trimmed(), QString());
        QCOMPARE(workspace->conversation()->consultationId(), 0);
        SignInDialog *dialog = root.signInDialog();
        QCOMPARE(dialog->findChildren<QLineEdit *>().at(2)->text(), QString());
        QVERIFY(!dialog->findChild<QCheckBox *>()->isChecked());
        // The keychain still answering late must not bring the password back.
        QTest::qWait(500);
        QCOMPARE(dialog->findChildren<QLineEdit *>().at(2)->text(), QString());
        for (QPushButton *button : dialog->findChildren<QPushButton *>()) {
            if (button->text() == SignInDialog::tr("&Sign in"))
                button->click();
        }
        QCOMPARE(shownError(dialog), SignInDialog::tr("Enter your password."));
        QVERIFY(!root.session());
    }

    // Run alone with no D-Bus session (tst_console_nokeyring): "Remember my password" cannot
    // work, and the dialog says so beside the box instead of ticking it in vain.
    void withoutAKeychainTheSignInSaysSo()
    {
        if (qEnvironmentVariableIsEmpty("CONSULT_EXPECT_NO_KEYCHAIN"))
            QSKIP("runs with no D-Bus session");
        IntegrationFixture fx;
        QVERIFY(fx.start());
        QTemporaryDir home;
        ConsoleRoot::Options o = optionsIn(home, fx.server.url());
        ConsoleRoot root(o);
        root.start();
        QTRY_VERIFY(root.signInDialog() && root.signInDialog()->isVisible());
        SignInDialog *dialog = root.signInDialog();
        QLabel *notice = nullptr;
        for (QLabel *label : dialog->findChildren<QLabel *>()) {
            if (label->accessibleName() == SignInDialog::tr("Keychain notice"))
                notice = label;
        }
        QVERIFY(notice);
        QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible(), 10000);
        QVERIFY(notice->text().contains(QStringLiteral("no system keychain")));
        QCheckBox *remember = dialog->findChild<QCheckBox *>();
        QVERIFY(!remember->isEnabled());
        QVERIFY(!remember->isChecked());

        // Signing in still works; the box stays unavailable after a failed attempt.
        fillAndSubmit(dialog, fx.cast.responderA1, QStringLiteral("wrong"), false);
        QTRY_VERIFY_WITH_TIMEOUT(!shownError(dialog).isEmpty(), 10000);
        QVERIFY(!remember->isEnabled());
        fillAndSubmit(dialog, fx.cast.responderA1, demoResponderPassword(), false);
        QTRY_VERIFY_WITH_TIMEOUT(root.mainWindow() && root.mainWindow()->isVisible(), 10000);
    }

    // --user with --password-stdin (scripted checks of an installation): signed in without the
    // dialog; a wrong password opens the dialog with the reason and the user filled in.
    void signInFromTheCommandLine()
    {
        if (qEnvironmentVariableIsEmpty("CONSULT_EXPECT_NO_KEYCHAIN"))
            QSKIP("runs with no D-Bus session");
        IntegrationFixture fx;
        QVERIFY(fx.start());
        QTemporaryDir home;
        ConsoleRoot::Options o = optionsIn(home, fx.server.url());
        o.user = fx.cast.responderA1;
        {
            o.password = QStringLiteral("wrong");
            ConsoleRoot root(o);
            root.start();
            QTRY_VERIFY_WITH_TIMEOUT(root.signInDialog() && root.signInDialog()->isVisible(),
                                     10000);
            QTRY_COMPARE_WITH_TIMEOUT(
                shownError(root.signInDialog()),
                SignInDialog::describe({SignInFailure::Kind::WrongPassword, 0, {}}), 10000);
            QCOMPARE(root.signInDialog()->findChildren<QLineEdit *>().at(1)->text(),
                     fx.cast.responderA1);
            QVERIFY(!root.mainWindow());
        }
        o.password = demoResponderPassword();
        ConsoleRoot root(o);
        root.start();
        QTRY_VERIFY_WITH_TIMEOUT(root.mainWindow() && root.mainWindow()->isVisible(), 10000);
        QVERIFY(!root.signInDialog() || !root.signInDialog()->isVisible());
        QCOMPARE(root.session()->account().user, fx.cast.responderA1);
    }

    void chineseInterfaceLoads()
    {
        QVERIFY(ConsoleRoot::installTranslations(QLocale(QLocale::Chinese, QLocale::China)));
        SignInDialog dialog;
        QCOMPARE(dialog.windowTitle(), QStringLiteral("登录 · 代表委员咨询应答台"));
        QCOMPARE(SignInDialog::describe({SignInFailure::Kind::WrongPassword, 0, {}}),
                 QStringLiteral("用户名或密码错误。"));
    }
};

QTEST_MAIN(TestConsole)
#include "tst_console.moc"
