// Both interface languages are complete on screen: with the Chinese translation loaded no
// window, menu, button, label, tab, placeholder or accessible name shows English words, and
// without it none shows Chinese. (The data shown, names and texts, is not the interface.)
// And every control a keyboard can reach has a name a screen reader can say.
#include "ConsoleRoot.h"
#include "app/dashboard/DashboardModel.h"
#include "app/sync/ProtocolClient.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/PreferencesDialog.h"
#include "ui/shell/ShortcutsWindow.h"
#include "ui/signin/SignInDialog.h"
#include "ui/stats/StatsDashboard.h"
#include "ui/workspace/TransferDialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTabBar>
#include <QtTest>

namespace {
// Everything a widget tree says to the officer.
QStringList visibleTexts(QWidget *root)
{
    QStringList texts{root->windowTitle()};
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets << root;
    for (QWidget *w : widgets) {
        texts << w->accessibleName() << w->toolTip();
        if (auto *label = qobject_cast<QLabel *>(w))
            texts << label->text();
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            texts << button->text();
        if (auto *edit = qobject_cast<QLineEdit *>(w))
            texts << edit->placeholderText();
        if (auto *edit = qobject_cast<QPlainTextEdit *>(w))
            texts << edit->placeholderText();
        if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                texts << tabs->tabText(i) << tabs->tabToolTip(i);
        }
        for (QAction *action : w->actions())
            texts << action->text();
    }
    texts.removeAll(QString());
    return texts;
}

QList<QWidget *> screens()
{
    Directory directory;
    directory.departments.insert(1, {QStringLiteral("市教委"), QStringLiteral("Education")});
    directory.departments.insert(2, {QStringLiteral("市卫健委"), QStringLiteral("Health")});
    directory.responders.insert(2, {QStringLiteral("王芳"), 1, QStringLiteral("responder"), true});
    // The statistics window with figures on it (offline: it says so, too).
    auto *statistics = new DepartmentStatistics(*new ProtocolClient(qApp), qApp);
    const bool english = QLocale().language() != QLocale::Chinese;
    auto *dashboard = new StatsDashboard(*statistics, true, directory.departmentName(1, english));
    StatsReport report;
    report.departmentId = 1;
    report.from = QDate(2026, 12, 1);
    report.to = QDate(2026, 12, 7);
    report.timeZone = QStringLiteral("Asia/Shanghai");
    report.department.received = 3;
    report.department.firstResponse.add(90000);
    report.department.transfers[{true, 2, QStringLiteral("不属本部门职责")}] = 1;
    report.responders = {{2, 1, report.department}};
    report.groups = {{QStringLiteral("cppcc"), QString(), report.department}};
    dashboard->model()->setDirectory(directory, english);
    dashboard->model()->setReport(report);
    dashboard->refresh();
    return {new MainWindow,
            new SignInDialog,
            new TransferDialog(directory, 1, 1),
            new CloseDialog,
            new PreferencesDialog(Preferences(),
                                  new TranscriptionBox(TranscriptionSettings(), {}, false)),
            dashboard};
}

// Words of the interface's own (a few technical ones are the same in both languages).
const QRegularExpression englishWord(
    QStringLiteral("\\b(?!(?:Enter|Shift|Ctrl|Alt|CSV|PDF|UTC|ws|wss|jw)\\b)[A-Za-z]{3,}"));
const QRegularExpression chinese(QStringLiteral("\\p{Han}"));
} // namespace

class TestLanguages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyFocusableControlHasAName()
    {
        for (QWidget *screen : screens()) {
            QList<QWidget *> widgets = screen->findChildren<QWidget *>();
            for (QWidget *w : widgets) {
                if (!(w->focusPolicy() & Qt::TabFocus))
                    continue;
                QString name = w->accessibleName();
                if (auto *button = qobject_cast<QAbstractButton *>(w))
                    name += button->text();
                // A control made of parts (a tab widget's bar, a spin box's line edit) is
                // named once, on the whole.
                if (name.isEmpty() && w->parentWidget())
                    name = w->parentWidget()->accessibleName();
                QVERIFY2(
                    !name.isEmpty(),
                    qPrintable(QStringLiteral("%1 in %2")
                                   .arg(QString::fromLatin1(w->metaObject()->className()),
                                        QString::fromLatin1(screen->metaObject()->className()))));
            }
            delete screen;
        }
    }

    void englishHasNoChinese()
    {
        for (QWidget *screen : screens()) {
            QStringList texts = visibleTexts(screen);
            texts << visibleTexts(new ShortcutsWindow(screen, screen));
            for (const QString &text : texts)
                QVERIFY2(!text.contains(chinese), qPrintable(text));
            delete screen;
        }
    }

    void chineseHasNoEnglish()
    {
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        QVERIFY(ConsoleRoot::installTranslations(QLocale(QLocale::Chinese, QLocale::China)));
        for (QWidget *screen : screens()) {
            QStringList texts = visibleTexts(screen);
            texts << visibleTexts(new ShortcutsWindow(screen, screen));
            for (const QString &text : texts) {
                QString withoutExamples = text;
                withoutExamples.remove(QRegularExpression(QStringLiteral("(wss?|https?)://\\S+")));
                QVERIFY2(!withoutExamples.contains(englishWord), qPrintable(text));
            }
            delete screen;
        }
    }
};

QTEST_MAIN(TestLanguages)
#include "tst_languages.moc"
