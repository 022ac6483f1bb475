// Several server nodes on one PostgreSQL database (prints figures; never a test). Run under
// tests/testsupport/with-postgres.sh (scripts/run-benchmarks.sh does): a throwaway cluster with
// fsync on. Three nodes; representatives signed in to node A send text messages to
// consultations held by responders signed in to node B, so every delivery crosses nodes
// through the change feed. The same load then runs through one node on PostgreSQL and one node
// on a SQLite file, where sender and receiver share the node, as the peers.
#include "BenchSessions.h"
#include "ServerProcess.h"
#include "TestDatabase.h"
#include "app/sync/ProtocolClient.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <cstdio>
#include <memory>

namespace {

constexpr int kRepresentatives = 100;
constexpr int kResponders = 50;
constexpr LoadShape kShape{500, 10, 4, 5}; // 500 messages/s offered for 10 s, then saturated

struct Run
{
    Phases phases;
    bool ok = false;
};

Run measure(const QString &location, int nodeCount)
{
    DemoSizes sizes;
    sizes.representatives = kRepresentatives;
    sizes.proposals = 200;
    sizes.consultations = 0;
    const DemoCatalog catalog = TestDatabase::create(location, sizes);
    std::vector<std::unique_ptr<ServerProcess>> nodes;
    for (int i = 0; i < nodeCount; ++i) {
        // The saturating phase is above the protective per-connection request rate.
        nodes.push_back(std::make_unique<ServerProcess>(
            QStringList{QStringLiteral("--rate"), QStringLiteral("100000"),
                        QStringLiteral("--burst"), QStringLiteral("100000")}));
        if (!nodes.back()->start(location)) {
            std::fprintf(stderr, "node %d did not start\n", i);
            return {};
        }
    }
    const QUrl repsNode = nodes.front()->url();
    const QUrl respondersNode = nodes.at(nodeCount > 1 ? 1 : 0)->url();
    QList<Session> responders(
        std::min<int>(kResponders, static_cast<int>(catalog.responders.size())));
    QList<Session> reps(kRepresentatives);
    const int respondersIn = signIn(
        responders, respondersNode, QStringLiteral("auth.login"),
        [&](int i) { return catalog.responders.at(i).login; }, demoResponderPassword());
    const int repsIn = signIn(
        reps, repsNode, QStringLiteral("auth.repLogin"),
        [&](int i) { return catalog.representatives.at(i).login; }, demoRepresentativePassword());
    std::fprintf(stderr, "%d node(s): signed in %d responders, %d representatives\n", nodeCount,
                 respondersIn, repsIn);
    Run run;
    run.phases = consultationLoad(reps, responders, catalog, kShape);
    // Figures only from a run where everyone signed in and every message of the offered phase
    // reached its desk: percentiles over what happened to arrive would flatter.
    run.ok = respondersIn == responders.size() && repsIn == reps.size() &&
             run.phases.open.delivered == run.phases.open.sent;
    if (!run.ok)
        std::fprintf(stderr, "incomplete run: figures not printed\n");
    std::fprintf(stderr, "open loop: sent %d, acknowledged %d, delivered %d\n",
                 run.phases.open.sent, run.phases.open.acknowledged, run.phases.open.delivered);
    for (QList<Session> *sessions : {&reps, &responders}) {
        for (Session &session : *sessions)
            delete session.client;
    }
    for (auto &node : nodes)
        node->stop();
    return run;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (ServerProcess::binary().isEmpty() || !TestDatabase::onPostgres()) {
        std::fprintf(stderr,
                     "set CONSULT_SERVER_BIN and run under tests/testsupport/with-postgres.sh\n");
        return 2;
    }
    QTemporaryDir dir;
    const Run postgres = measure(TestDatabase::newLocation(dir.path()), 3);
    // Where the time goes: the same load through one node on PostgreSQL (no feed between
    // sender and receiver), and through one node on SQLite.
    const Run oneNode = measure(TestDatabase::newLocation(dir.path()), 1);
    const Run sqlite = measure(dir.filePath(QStringLiteral("peer.sqlite")), 1);
    if (!postgres.ok || !oneNode.ok || !sqlite.ok)
        return 1;
    print("nodes_cross_node_delivery_p50", postgres.phases.open.p50Ms, "ms",
          "-, 500 msg/s offered, 3 nodes");
    print("nodes_cross_node_delivery_p99", postgres.phases.open.p99Ms, "ms", "<= 50");
    print("nodes_postgres_one_node_delivery_p50", oneNode.phases.open.p50Ms, "ms",
          "peer: 500 msg/s offered, one node on PostgreSQL");
    print("nodes_postgres_one_node_delivery_p99", oneNode.phases.open.p99Ms, "ms",
          "peer: 500 msg/s offered, one node on PostgreSQL");
    print("nodes_postgres_three_running_persisted_messages_per_s",
          postgres.phases.saturated.persistedPerSecond, "msg/s",
          "-, all writes through node A while B and C follow the feed");
    print("nodes_postgres_one_node_persisted_messages_per_s",
          oneNode.phases.saturated.persistedPerSecond, "msg/s", ">= 1500, fsync on, one node");
    print("nodes_sqlite_peer_persisted_messages_per_s", sqlite.phases.saturated.persistedPerSecond,
          "msg/s",
          "peer: the same load, one node on SQLite, synchronous=NORMAL (no fsync per commit)");
    print("nodes_sqlite_peer_delivery_p99", sqlite.phases.open.p99Ms, "ms",
          "peer: 500 msg/s offered, one node");
    return 0;
}
