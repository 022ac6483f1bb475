// Workspace benchmarks (print figures; never tests), on a generated cache of 100,000
// consultations, 1,000,000 messages and 20,000 proposals (CONSULT_BENCH_MESSAGES and
// CONSULT_BENCH_CONSULTATIONS make it smaller):
//  - start to the first painted main window with its queue, against the same start with an
//    empty cache, each a fresh process, in the same run;
//  - switching to a consultation with 5,000 messages until its conversation is painted;
//  - resident memory with that cache open after browsing 100 consultations.
#include "GeneratedCache.h"
#include "app/session/AccountSession.h"
#include "app/workspace/ConsultationListModel.h"
#include "app/workspace/MessageListModel.h"
#include "ui/shell/MainWindow.h"
#include "ui/workspace/ConversationView.h"
#include "ui/workspace/QueueView.h"
#include "ui/workspace/WorkspaceView.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <cstdio>

namespace {
const QUrl nowhere(QStringLiteral("ws://127.0.0.1:9")); // offline: the cache alone

// Sets `painted` on the next paint of a widget.
class PaintWatch : public QObject
{
public:
    bool painted = false;
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true;
        return false;
    }
};

Account benchAccount()
{
    return {nowhere, QStringLiteral("bench.responder")};
}

void writePrincipal(const QString &dataFolder, qint64 id, qint64 department)
{
    const QString folder = benchAccount().folder(dataFolder);
    QDir().mkpath(folder);
    QFile file(folder + QStringLiteral("/principal.json"));
    file.open(QIODevice::WriteOnly);
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("kind"), QStringLiteral("responder")},
                                         {QStringLiteral("id"), id},
                                         {QStringLiteral("departmentId"), department},
                                         {QStringLiteral("name"), QStringLiteral("Bench")}})
                   .toJson());
}

double rssMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    status.open(QIODevice::ReadOnly);
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

// Child process: from main() to the main window painted with the first page of its queue.
int startupChild(int argc, char *argv[], const QString &dataFolder)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    AccountSession session(benchAccount(), dataFolder, {nowhere});
    if (!session.start(QStringLiteral("offline")))
        return 1;
    MainWindow window;
    window.setSession(&session);
    PaintWatch watch;
    QueueView *queue = window.workspace()->queue();
    // The list, or its "nothing here" text when the cache is empty.
    queue->list()->viewport()->installEventFilter(&watch);
    for (QLabel *label : queue->findChildren<QLabel *>())
        label->installEventFilter(&watch);
    bool loaded = false;
    QObject::connect(window.workspace()->queueModel(), &ConsultationListModel::pageLoaded, [&] {
        loaded = true;
        watch.painted = false;
    });
    window.show();
    if (!QTest::qWaitFor([&] { return loaded && watch.painted; }, 30000))
        return 1;
    std::printf("%.1f\n", sinceStart.nsecsElapsed() / 1e6);
    return 0;
}

double startup(const QString &self, const QString &dataFolder)
{
    QList<double> runs;
    for (int i = 0; i < 3; ++i) {
        QProcess child;
        child.start(self, {QStringLiteral("--startup"), dataFolder});
        child.waitForFinished(60000);
        runs << QString::fromUtf8(child.readAllStandardOutput()).trimmed().toDouble();
    }
    return median(runs);
}
} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    if (argc == 3 && QByteArray(argv[1]) == "--startup")
        return startupChild(argc, argv, QString::fromLocal8Bit(argv[2]));

    QApplication app(argc, argv);
    QTemporaryDir dir;
    GeneratedCache generated;
    if (qEnvironmentVariableIsSet("CONSULT_BENCH_MESSAGES"))
        generated.messages = qEnvironmentVariableIntValue("CONSULT_BENCH_MESSAGES");
    if (qEnvironmentVariableIsSet("CONSULT_BENCH_CONSULTATIONS"))
        generated.consultations = qEnvironmentVariableIntValue("CONSULT_BENCH_CONSULTATIONS");
    const QString big = dir.filePath(QStringLiteral("big"));
    const QString empty = dir.filePath(QStringLiteral("empty"));
    QDir().mkpath(benchAccount().folder(big));
    QElapsedTimer timer;
    timer.start();
    if (!generated.write(benchAccount().cachePath(big)))
        return 1;
    std::fprintf(stderr, "generated %d consultations, %d messages in %.0f s\n",
                 generated.consultations, generated.messages, timer.elapsed() / 1000.0);
    writePrincipal(big, generated.responderId, generated.departmentId);
    writePrincipal(empty, generated.responderId, generated.departmentId);

    const QString self = QCoreApplication::applicationFilePath();
    const double emptyMs = startup(self, empty);
    const double bigMs = startup(self, big);
    std::printf("workspace_cache_consultations: %d consultations (target: 100000)\n",
                generated.consultations);
    std::printf("workspace_cache_messages: %d messages (target: 1000000)\n", generated.messages);
    std::printf("workspace_start_to_first_paint_empty_cache: %.0f ms (target: -)\n", emptyMs);
    std::printf("workspace_start_to_first_paint: %.0f ms (target: < 1000)\n", bigMs);
    std::printf("workspace_start_ratio_to_empty_cache: %.2f x (target: <= 1.2)\n",
                emptyMs > 0 ? bigMs / emptyMs : 0.0);

    // One process, the big cache: switching, then browsing.
    AccountSession session(benchAccount(), big, {nowhere});
    if (!session.start(QStringLiteral("offline")))
        return 1;
    MainWindow window;
    window.setSession(&session);
    window.show();
    WorkspaceView *workspace = window.workspace();
    QueueView *queue = workspace->queue();
    queue->setFilter(ConsultationQuery::Filter::All);
    ConsultationListModel *rows = workspace->queueModel();
    if (!QTest::qWaitFor([&] { return rows->rowCount() > 0; }, 30000))
        return 1;
    ConversationView *conversation = workspace->conversation();
    QListView *messages = conversation->findChild<QListView *>();
    PaintWatch watch;
    messages->viewport()->installEventFilter(&watch);
    QList<double> switches;
    for (int round = 0; round < 5; ++round) {
        conversation->open(2 + round); // somewhere small first
        QTest::qWait(100);
        bool loaded = false;
        const auto c =
            QObject::connect(conversation->messages(), &MessageListModel::newestLoaded, [&] {
                loaded = true;
                watch.painted = false;
            });
        QElapsedTimer one;
        one.start();
        conversation->open(1); // the 5,000-message one
        if (!QTest::qWaitFor([&] { return loaded && watch.painted; }, 10000))
            return 1;
        switches << one.nsecsElapsed() / 1e6;
        QObject::disconnect(c);
    }
    std::printf("workspace_switch_to_5000_message_consultation: %.1f ms (target: <= 50)\n",
                median(switches));

    // Browse 100 consultations of the list, each opened and painted.
    while (rows->rowCount() < 100 && (rows->canFetchMore() || rows->isLoading())) {
        rows->fetchMore();
        QTest::qWait(20);
    }
    for (int i = 0; i < std::min(100, rows->rowCount()); ++i) {
        queue->list()->setCurrentIndex(rows->index(i));
        if (!QTest::qWaitFor([&] { return conversation->messages()->rowCount() > 0; }, 5000))
            std::fprintf(stderr, "consultation %d did not load\n", i);
        QTest::qWait(10);
    }
    std::printf("workspace_rss_after_100_consultations: %.0f MiB (target: <= 150)\n", rssMiB());
    return 0;
}
