// Hostile and broken input: each gets its documented error or close code, the server keeps
// serving everyone else, and nothing stored changes.
#include "IntegrationFixture.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QtTest>

namespace {

// Row counts of the tables a request could change.
QList<qint64> storedCounts(const QString &path)
{
    QList<qint64> counts;
    {
        QSqlDatabase db = TestDatabase::inspect(path, QStringLiteral("counts"));
        for (const char *table :
             {"consultations", "messages", "voice_clips", "transfers", "sessions"}) {
            QSqlQuery q(QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table)), db);
            counts << (q.next() ? q.value(0).toLongLong() : -1);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("counts"));
    return counts;
}

// A WebSocket opened by hand, to send frames no well-behaved client library would.
bool rawHandshake(QTcpSocket &socket, const QUrl &url)
{
    socket.connectToHost(url.host(), static_cast<quint16>(url.port()));
    if (!socket.waitForConnected(5000))
        return false;
    socket.write("GET / HTTP/1.1\r\nHost: " + url.host().toLatin1() +
                 "\r\nUpgrade: websocket\r\n"
                 "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                 "Sec-WebSocket-Version: 13\r\n\r\n");
    QByteArray response;
    while (!response.contains("\r\n\r\n") && socket.waitForReadyRead(5000))
        response += socket.readAll();
    return response.startsWith("HTTP/1.1 101");
}

bool waitForDisconnect(QTcpSocket &socket, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < timeoutMs) {
        socket.waitForReadyRead(100);
        socket.readAll();
    }
    return socket.state() != QAbstractSocket::ConnectedState;
}

} // namespace

class TestBadInput : public QObject
{
    Q_OBJECT
private:
    IntegrationFixture fx{{QStringLiteral("--idle-timeout-ms"), QStringLiteral("1500"),
                           QStringLiteral("--hello-timeout-ms"), QStringLiteral("1000"),
                           QStringLiteral("--rate"), QStringLiteral("40"),
                           QStringLiteral("--burst"), QStringLiteral("40")}};
    QList<qint64> countsBefore;
    std::unique_ptr<TestClient> bystander;

    void bystanderStillServed()
    {
        QVERIFY(bystander->isOpen());
        bystander->ok(QStringLiteral("ping"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(fx.start());
        bystander = fx.responder(fx.cast.leadA);
        QVERIFY(bystander);
        countsBefore = storedCounts(fx.server.databasePath());
    }

    void cleanupTestCase()
    {
        QCOMPARE(storedCounts(fx.server.databasePath()).mid(0, 4), countsBefore.mid(0, 4));
        QVERIFY(fx.server.stop());
    }

    void malformedFramesGetBadRequest_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("code");
        QTest::newRow("not json") << QStringLiteral("{\"type\":\"req\",")
                                  << QStringLiteral("bad_request");
        QTest::newRow("array") << QStringLiteral("[]") << QStringLiteral("bad_request");
        QTest::newRow("a result frame from a client")
            << QStringLiteral(R"({"type":"res","id":"1","result":{}})")
            << QStringLiteral("bad_request");
        QTest::newRow("unknown method")
            << QStringLiteral(R"({"type":"req","id":"2","method":"admin.dropAll"})")
            << QStringLiteral("unknown_method");
        QTest::newRow("wrong field type")
            << QStringLiteral(
                   R"({"type":"req","id":"3","method":"message.send","params":{"consultationId":"1","clientMsgId":"x","text":"t"}})")
            << QStringLiteral("bad_request");
        QTest::newRow("text too long")
            << QStringLiteral(
                   R"({"type":"req","id":"4","method":"message.send","params":{"consultationId":1,"clientMsgId":"x","text":"%1"}})")
                   .arg(QString(4001, QLatin1Char('x')))
            << QStringLiteral("too_large");
        QTest::newRow("negative id")
            << QStringLiteral(
                   R"({"type":"req","id":"5","method":"consultation.claim","params":{"consultationId":-4}})")
            << QStringLiteral("bad_request");
    }

    void malformedFramesGetBadRequest()
    {
        QFETCH(QString, text);
        QFETCH(QString, code);
        auto client = fx.responder(fx.cast.responderA1);
        QVERIFY(client);
        client->sendRaw(text);
        const auto error = client->waitForUnmatchedError();
        QVERIFY(error);
        QCOMPARE(errorCodeName(error->errorCode), code);
        QVERIFY(!error->errorMessage.isEmpty());
        client->ok(QStringLiteral("ping")); // the connection survives a bad frame
        bystanderStillServed();
    }

    void oversizedMessageClosesWith1009()
    {
        auto client = fx.responder(fx.cast.responderA1);
        QVERIFY(client);
        client->sendRaw(QString(300 * 1024, QLatin1Char('x')));
        QCOMPARE(client->waitForClose().value_or(0), 1009);
        bystanderStillServed();
    }

    void hugeAnnouncedFrameIsRefusedBeforeItArrives()
    {
        QTcpSocket socket;
        QVERIFY(rawHandshake(socket, fx.server.url()));
        // FIN + text, masked, 64-bit length of 1 TiB, then the mask: and nothing more.
        socket.write(QByteArray::fromHex("81ff0000010000000000") +
                     QByteArray("\x01\x02\x03\x04", 4));
        socket.waitForBytesWritten(1000);
        QByteArray reply;
        QElapsedTimer timer;
        timer.start();
        while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 5000 &&
               !reply.contains("\x88")) {
            socket.waitForReadyRead(100);
            reply += socket.readAll();
        }
        // A close frame (0x88) carrying 1009 (0x03f1).
        const int at = reply.indexOf('\x88');
        QVERIFY2(at >= 0, "no close frame");
        QCOMPARE(reply.mid(at + 2, 2), QByteArray::fromHex("03f1"));
        bystanderStillServed();
    }

    void tricklingPeerIsDropped()
    {
        QTcpSocket socket;
        QVERIFY(rawHandshake(socket, fx.server.url()));
        // A 100-byte masked text frame, sent one byte every 200 ms: it would take 20 s.
        QByteArray frame =
            QByteArray::fromHex("81e4") + QByteArray("\x00\x00\x00\x00", 4) + QByteArray(100, 'a');
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < frame.size() && socket.state() == QAbstractSocket::ConnectedState;
             ++i) {
            socket.write(frame.mid(i, 1));
            socket.waitForBytesWritten(100);
            QTest::qWait(200);
        }
        QVERIFY(waitForDisconnect(socket, 1000));
        QVERIFY2(timer.elapsed() < 8000, "a trickling peer held its connection too long");
        bystanderStillServed();
    }

    void silentConnectionWithoutHelloIsClosed()
    {
        TestClient client(fx.server.url());
        QVERIFY(client.open());
        QCOMPARE(client.waitForClose(5000).value_or(0), 4002);
    }

    void floodIsRateLimitedAndOthersAreServed()
    {
        auto flooder = fx.responder(fx.cast.responderA2);
        QVERIFY(flooder);
        int answered = 0;
        int limited = 0;
        for (int i = 0; i < 150; ++i) {
            flooder->client().request(QStringLiteral("ping"), {}, [&](const Frame &f) {
                ++answered;
                limited += f.errorCode == ErrorCode::RateLimited && f.type == Frame::Type::Error;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(answered, 150, 10000);
        QVERIFY2(limited >= 60, qPrintable(QString::number(limited)));
        bystanderStillServed();
        QTest::qWait(1100);
        flooder->ok(QStringLiteral("ping"));
    }

    void endlessFloodIsDisconnected()
    {
        auto flooder = fx.responder(fx.cast.responderA2);
        QVERIFY(flooder);
        for (int i = 0; i < 400; ++i)
            flooder->client().request(QStringLiteral("ping"), {});
        QCOMPARE(flooder->waitForClose(5000).value_or(0), 4008);
        bystanderStillServed();
    }

    void requestsForOtherDepartmentsChangeNothing()
    {
        auto stranger = fx.responder(fx.cast.responderB);
        QVERIFY(stranger);
        // The demo consultations of department A are closed; ask about each of them.
        for (qint64 id = 1; id <= fx.catalog.consultations.size(); ++id) {
            if (fx.catalog.consultations.at(id - 1).department + 1 != fx.cast.deptA)
                continue;
            QCOMPARE(stranger->fails(QStringLiteral("consultation.close"),
                                     {{QStringLiteral("consultationId"), id}}),
                     QStringLiteral("forbidden"));
            QCOMPARE(stranger->fails(QStringLiteral("messages.history"),
                                     {{QStringLiteral("consultationId"), id}}),
                     QStringLiteral("forbidden"));
        }
        QCOMPARE(stranger->fails(QStringLiteral("consultation.claim"),
                                 {{QStringLiteral("consultationId"), 999999}}),
                 QStringLiteral("not_found"));
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
