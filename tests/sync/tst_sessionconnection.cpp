// The connection keeps itself signed in: it resumes with its token, reconnects by itself after
// the server restarts, moves on to the next server of its list, backs off with a cap, and
// reports a refused token as signed out.
#include "IntegrationFixture.h"
#include "app/sync/SessionConnection.h"

#include <QTcpServer>
#include <QtTest>
#include <csignal>

namespace {
const SessionConnection::Backoff fast{100, 800, 0.25};
} // namespace

class TestSessionConnection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void backoffDoublesUpToTheCap()
    {
        const SessionConnection::Backoff b{1000, 60000, 0};
        QCOMPARE(SessionConnection::backoffMs(b, 0), 1000);
        QCOMPARE(SessionConnection::backoffMs(b, 1), 2000);
        QCOMPARE(SessionConnection::backoffMs(b, 5), 32000);
        QCOMPARE(SessionConnection::backoffMs(b, 6), 60000);
        QCOMPARE(SessionConnection::backoffMs(b, 500), 60000);
    }

    // Consoles spread over the nodes of a deployment: each starts at a random place of the
    // list (not all at the first address) and, failing, tries every address once before any
    // second time.
    void consolesSpreadOverTheServerList()
    {
        QList<QUrl> servers;
        while (servers.size() < 3) {
            QUrl dead(QStringLiteral("ws://127.0.0.1"));
            dead.setPort(ServerProcess::freePort()); // nothing listens: refused at once
            if (!servers.contains(dead))
                servers << dead;
        }
        QHash<QUrl, int> firsts;
        for (int i = 0; i < 300; ++i)
            ++firsts[SessionConnection(servers, fast).currentServer()];
        for (const QUrl &server : std::as_const(servers))
            QVERIFY2(firsts.value(server) >= 50, qPrintable(server.toString())); // ~100 each

        SessionConnection session(servers, fast);
        QList<QUrl> tried;
        connect(&session, &SessionConnection::stateChanged, this, [&](SessionConnection::State s) {
            if (s == SessionConnection::State::Connecting)
                tried << session.currentServer();
        });
        session.setToken(QString(64, QLatin1Char('a')));
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(tried.size() >= 3, 10000);
        QCOMPARE(QSet<QUrl>(tried.cbegin(), tried.cbegin() + 3).size(), 3);
        session.stop();
    }

    void reconnectsAfterTheServerRestartsAndFailsOver()
    {
        const quint16 port = ServerProcess::freePort();
        IntegrationFixture fx({QStringLiteral("--port"), QString::number(port)});
        QVERIFY(fx.start());
        auto login = fx.responder(fx.cast.responderA1);
        QVERIFY(login);

        // The first address answers nothing: the connection moves on to the second.
        QUrl dead(QStringLiteral("ws://127.0.0.1"));
        dead.setPort(ServerProcess::freePort());
        SessionConnection::Backoff inOrder = fast;
        inOrder.shuffleServers = false;
        SessionConnection session({dead, fx.server.url()}, inOrder);
        QList<SessionConnection::State> states;
        connect(&session, &SessionConnection::stateChanged, this,
                [&](SessionConnection::State s) { states << s; });
        session.setToken(login->token());
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionConnection::State::Online, 10000);
        QCOMPARE(session.currentServer(), fx.server.url());
        QVERIFY(states.contains(SessionConnection::State::Reconnecting));
        QCOMPARE(session.principal().value(QLatin1String("id")).toInteger(), fx.cast.responderA1Id);

        // The server goes away: the session says so and waits, without giving up.
        QVERIFY(fx.server.stop());
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionConnection::State::Reconnecting, 5000);
        QTest::qWait(1500);
        QVERIFY(session.state() != SessionConnection::State::Online);

        // It comes back on the same address: the session resumes by itself, same principal.
        ServerProcess again({QStringLiteral("--port"), QString::number(port)});
        QVERIFY(again.start(fx.server.databasePath()));
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionConnection::State::Online, 10000);
        QCOMPARE(session.principal().value(QLatin1String("id")).toInteger(), fx.cast.responderA1Id);
        session.client().request(QStringLiteral("ping"), {});
        session.stop();
        QCOMPARE(session.state(), SessionConnection::State::Offline);
        QVERIFY(again.stop());
    }

    void aServerThatStopsAnsweringIsNoticedAndReconnected()
    {
        IntegrationFixture fx;
        QVERIFY(fx.start());
        auto login = fx.responder(fx.cast.responderA1);
        QVERIFY(login);
        SessionConnection::Backoff quickPings = fast;
        quickPings.pingIntervalMs = 300;
        quickPings.pingTimeoutMs = 700;
        quickPings.connectTimeoutMs = 1500;
        SessionConnection session({fx.server.url()}, quickPings);
        session.setToken(login->token());
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionConnection::State::Online, 10000);

        // Frozen, the server keeps its TCP connections open and answers nothing: only the
        // client's pings can tell. Attempts made meanwhile hang in the handshake and time out.
        QCOMPARE(::kill(static_cast<pid_t>(fx.server.pid()), SIGSTOP), 0);
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionConnection::State::Reconnecting, 5000);
        QTest::qWait(2500);
        QVERIFY(session.state() != SessionConnection::State::Online);
        QCOMPARE(::kill(static_cast<pid_t>(fx.server.pid()), SIGCONT), 0);
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionConnection::State::Online, 10000);
        session.stop();
        QVERIFY(fx.server.stop());
    }

    void refusedTokenMeansSignedOut()
    {
        IntegrationFixture fx;
        QVERIFY(fx.start());
        auto login = fx.responder(fx.cast.responderA2);
        QVERIFY(login);
        SessionConnection session({fx.server.url()}, fast);
        session.setToken(login->token());
        QString reason;
        connect(&session, &SessionConnection::signedOut, this,
                [&](const QString &why) { reason = why; });
        session.start();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionConnection::State::Online, 10000);

        // Signing out elsewhere with the same token ends this session too.
        login->ok(QStringLiteral("auth.logout"));
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), SessionConnection::State::SignedOut, 5000);
        QVERIFY(!reason.isEmpty());

        // And a token the server does not know never gets online.
        SessionConnection stale({fx.server.url()}, fast);
        stale.setToken(QString(64, QLatin1Char('0')));
        stale.start();
        QTRY_COMPARE_WITH_TIMEOUT(stale.state(), SessionConnection::State::SignedOut, 5000);
        QVERIFY(fx.server.stop());
    }
};

QTEST_GUILESS_MAIN(TestSessionConnection)
#include "tst_sessionconnection.moc"
