// Server throughput benchmark (prints figures; never a test). On loopback: 500 representative
// connections and 100 responders; representatives send text messages, each persisted before
// it is acknowledged and pushed to the responder holding the consultation. The same load runs
// against a bare QWebSocketServer echo in the same run, as the ceiling.
#include "BenchSessions.h"
#include "EchoServer.h"
#include "LoadRun.h"
#include "ServerProcess.h"
#include "TestDatabase.h"

#include "app/protocol/Frame.h"
#include "app/sync/ProtocolClient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>

namespace {

constexpr int kRepresentatives = 500;
constexpr int kResponders = 100;
constexpr double kOfferedRate = 5000; // messages per second, all representatives together
constexpr int kSeconds = 10;

int benchmarkServer()
{
    QTemporaryDir dir;
    DemoSizes sizes;
    sizes.representatives = kRepresentatives;
    sizes.proposals = 1000;
    sizes.consultations = 0;
    const DemoCatalog catalog =
        TestDatabase::create(dir.filePath(QStringLiteral("bench.sqlite")), sizes);
    // The protective per-connection default (50/s) is above the open-loop load of 10/s per
    // representative, but the closed-loop saturation phase exceeds it, so it is raised here.
    ServerProcess server({QStringLiteral("--rate"), QStringLiteral("100000"),
                          QStringLiteral("--burst"), QStringLiteral("100000")});
    if (!server.start(dir.filePath(QStringLiteral("bench.sqlite")))) {
        std::fprintf(stderr, "server did not start\n");
        return 1;
    }

    QList<Session> responders(
        std::min<int>(kResponders, static_cast<int>(catalog.responders.size())));
    QList<Session> reps(kRepresentatives);
    const int respondersIn = signIn(
        responders, server.url(), QStringLiteral("auth.login"),
        [&](int i) { return catalog.responders.at(i).login; }, demoResponderPassword());
    const int repsIn = signIn(
        reps, server.url(), QStringLiteral("auth.repLogin"),
        [&](int i) { return catalog.representatives.at(i).login; }, demoRepresentativePassword());
    std::fprintf(stderr, "signed in: %d responders, %d representatives\n", respondersIn, repsIn);

    const Phases phases =
        consultationLoad(reps, responders, catalog, {kOfferedRate, kSeconds, 4, 5});
    const LoadRun::Figures &open = phases.open;
    const LoadRun::Figures &closed = phases.saturated;
    std::fprintf(stderr, "open loop: sent %d, acknowledged %d, delivered %d\n", open.sent,
                 open.acknowledged, open.delivered);

    print("server_persisted_messages_per_s", open.persistedPerSecond, "msg/s",
          ">= 5000 at 5000 offered");
    print("server_delivery_latency_p50", open.p50Ms, "ms", "-");
    print("server_delivery_latency_p99", open.p99Ms, "ms", "<= 50");
    print("server_saturation_persisted_messages_per_s", closed.persistedPerSecond, "msg/s", "-");
    print("server_saturation_delivery_latency_p99", closed.p99Ms, "ms", "-");
    print("server_peak_rss", peakResidentKiB(server.pid()) / 1024.0, "MiB", "-");
    server.stop();
    return 0;
}

int benchmarkEcho()
{
    QProcess echo;
    echo.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--echo-server")});
    if (!echo.waitForReadyRead(10000))
        return 1;
    const QUrl url(QString::fromUtf8(echo.readLine()).mid(10).trimmed());

    QList<QWebSocket *> sockets;
    for (int i = 0; i < kRepresentatives + kResponders; ++i) {
        auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, qApp);
        socket->open(url);
        sockets << socket;
    }
    spin(
        [&] {
            return std::all_of(sockets.cbegin(), sockets.cend(), [](QWebSocket *s) {
                return s->state() == QAbstractSocket::ConnectedState;
            });
        },
        30000);
    QList<LoadRun::Sender> senders;
    for (int i = 0; i < kRepresentatives; ++i)
        senders.append({sockets.at(i), [](const QString &key) { return sendFrame(1, key); }, 0});

    const Phases phases = runPhases(senders, {kOfferedRate, kSeconds, 4, 5}, [&](LoadRun &run) {
        QList<QMetaObject::Connection> wires;
        for (int i = 0; i < kRepresentatives; ++i) {
            wires << QObject::connect(
                sockets.at(i), &QWebSocket::textMessageReceived, [&run, i](const QString &text) {
                    const QString key = fieldIn(text, QStringLiteral("clientMsgId"));
                    run.acknowledged(i, key);
                    run.delivered(key);
                });
        }
        return wires;
    });
    const LoadRun::Figures &open = phases.open;
    const LoadRun::Figures &closed = phases.saturated;
    print("echo_ceiling_messages_per_s", open.persistedPerSecond, "msg/s",
          "ceiling, same offered load");
    print("echo_ceiling_latency_p50", open.p50Ms, "ms", "ceiling");
    print("echo_ceiling_latency_p99", open.p99Ms, "ms", "ceiling");
    print("echo_ceiling_saturation_messages_per_s", closed.persistedPerSecond, "msg/s", "ceiling");
    print("echo_ceiling_peak_rss", peakResidentKiB(echo.processId()) / 1024.0, "MiB", "ceiling");
    for (QWebSocket *socket : sockets)
        socket->abort();
    echo.kill();
    echo.waitForFinished(5000);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (app.arguments().contains(QStringLiteral("--echo-server")))
        return runEchoServer();
    if (ServerProcess::binary().isEmpty()) {
        std::fprintf(stderr, "set CONSULT_SERVER_BIN to the consult-server binary\n");
        return 2;
    }
    const int server = benchmarkServer();
    const int echo = benchmarkEcho();
    return server != 0 ? server : echo;
}
