// The request head parser every TCP connection meets first (server/http): what it accepts,
// what it refuses, and that it never reads past the blank line.
#include "server/http/HttpRequestHead.h"

#include <QtTest>

using Status = HttpRequestHead::Status;

class TestHttpRequestHead : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsAnUpgradeAndStopsAtTheBlankLine()
    {
        const QByteArray head = "GET /ws?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8765\r\n"
                                "Upgrade: WebSocket\r\nConnection: keep-alive, Upgrade\r\n"
                                "Sec-WebSocket-Version: 13\r\n\r\n";
        const auto parsed = HttpRequestHead::parse(head + "\x81\x05hello", 16384);
        QCOMPARE(parsed.status, Status::Complete);
        QCOMPARE(parsed.length, head.size());
        QCOMPARE(parsed.head.method, QByteArray("GET"));
        QCOMPARE(parsed.head.path(), QByteArray("/ws"));
        QCOMPARE(parsed.head.field("sec-websocket-version"), QByteArray("13"));
        QVERIFY(parsed.head.isWebSocketUpgrade());
        QVERIFY(!parsed.head.announcesBody());
    }

    void waitsForTheWholeHead()
    {
        const QByteArray head = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";
        for (qsizetype n = 0; n < head.size(); ++n)
            QCOMPARE(HttpRequestHead::parse(head.left(n), 16384).status, Status::Incomplete);
        QCOMPARE(HttpRequestHead::parse(head, 16384).status, Status::Complete);
    }

    void aPlainGetIsNoUpgrade()
    {
        const auto parsed =
            HttpRequestHead::parse("GET /app.js HTTP/1.1\r\nHost: a\r\nUpgrade: h2c\r\n\r\n", 1024);
        QCOMPARE(parsed.status, Status::Complete);
        QVERIFY(!parsed.head.isWebSocketUpgrade());
    }

    void bodiesAreNoticed()
    {
        QVERIFY(
            HttpRequestHead::parse("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\n", 1024)
                .head.announcesBody());
        QVERIFY(HttpRequestHead::parse(
                    "GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n", 1024)
                    .head.announcesBody());
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        const int malformed = int(Status::Malformed);
        QTest::newRow("absolute form")
            << QByteArray("GET http://a/ HTTP/1.1\r\nHost: a\r\n\r\n") << malformed;
        QTest::newRow("HTTP/2") << QByteArray("GET / HTTP/2\r\nHost: a\r\n\r\n") << malformed;
        QTest::newRow("no Host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << malformed;
        QTest::newRow("space in target")
            << QByteArray("GET /a b HTTP/1.1\r\nHost: a\r\n\r\n") << malformed;
        QTest::newRow("folded field")
            << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n x\r\n\r\n") << malformed;
        QTest::newRow("space before colon")
            << QByteArray("GET / HTTP/1.1\r\nHost : a\r\n\r\n") << malformed;
        QTest::newRow("control in value")
            << QByteArray("GET / HTTP/1.1\r\nHost: a\x01\r\n\r\n") << malformed;
        QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.1\nHost: a\n\n") << malformed;
        QTest::newRow("TLS to a plain port")
            << QByteArray("\x16\x03\x01\x02\x00\x01", 6) << malformed;
        QTest::newRow("too large")
            << QByteArray("GET / HTTP/1.1\r\nX: ") + QByteArray(2000, 'a') << int(Status::TooLarge);
        QByteArray many = "GET / HTTP/1.1\r\nHost: a\r\n";
        for (int i = 0; i < HttpRequestHead::maxFields + 1; ++i)
            many += "X: y\r\n";
        QTest::newRow("too many fields") << many + "\r\n" << int(Status::TooLarge);
    }
    void refuses()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        const auto parsed = HttpRequestHead::parse(bytes, 1024);
        QCOMPARE(int(parsed.status), status);
        QVERIFY(!parsed.error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHttpRequestHead)
#include "tst_httprequesthead.moc"
