// The representatives' page as the server serves it on its WebSocket port (docs/web.md): the
// files with their types, caching and policy; every other request refused; WebSocket clients
// unaffected, also under TLS and while others misbehave.
#include "IntegrationFixture.h"
#include "TestCertificate.h"

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QtTest>

#include <arpa/inet.h>
#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>
#include <vector>

namespace {

struct Answer
{
    int status = 0;
    QHash<QByteArray, QByteArray> fields; // lower-case names
    QByteArray body;
    bool closed = false; // the server ended the connection
};

Answer parseAnswer(const QByteArray &bytes)
{
    Answer answer;
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    if (end < 0)
        return answer;
    const QList<QByteArray> lines = bytes.left(end).split('\n');
    answer.status = lines.value(0).split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        answer.fields.insert(lines[i].left(colon).trimmed().toLower(),
                             lines[i].mid(colon + 1).trimmed());
    }
    answer.body = bytes.mid(end + 4);
    return answer;
}

// Sends `request` (in one piece) and reads until the server closes, bounded in time.
Answer exchange(QTcpSocket &socket, const QUrl &server, const QByteArray &request,
                int timeoutMs = 5000)
{
    if (auto *tls = qobject_cast<QSslSocket *>(&socket)) {
        tls->connectToHostEncrypted(server.host(), quint16(server.port()));
        if (!tls->waitForEncrypted(timeoutMs))
            return {};
    } else {
        socket.connectToHost(server.host(), quint16(server.port()));
        if (!socket.waitForConnected(timeoutMs))
            return {};
    }
    socket.write(request);
    QByteArray received;
    QDeadlineTimer deadline(timeoutMs);
    while (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        socket.waitForReadyRead(50);
        received += socket.readAll();
    }
    received += socket.readAll();
    Answer answer = parseAnswer(received);
    answer.closed = socket.state() != QAbstractSocket::ConnectedState;
    return answer;
}

Answer exchange(const QUrl &server, const QByteArray &request)
{
    QTcpSocket socket;
    return exchange(socket, server, request);
}

QByteArray get(const QByteArray &path, const QByteArray &method = "GET",
               const QByteArray &extra = {})
{
    return method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

} // namespace

class TestWebServe : public QObject
{
    Q_OBJECT
private:
    IntegrationFixture fx;

    // What every answer carries, refusals included.
    static void verifyPolicy(const Answer &a)
    {
        QVERIFY(a.fields.value("content-security-policy").startsWith("default-src 'none';"));
        QVERIFY(!a.fields.value("content-security-policy").contains("unsafe-inline"));
        QCOMPARE(a.fields.value("permissions-policy").left(19), QByteArray("microphone=(self), "));
        QCOMPARE(a.fields.value("x-content-type-options"), QByteArray("nosniff"));
        QCOMPARE(a.fields.value("connection"), QByteArray("close"));
        QVERIFY(a.closed);
    }

    void verifyStillServes()
    {
        auto rep = fx.representative(fx.cast.rep1);
        QVERIFY(rep);
        rep->ok(QStringLiteral("sync.pull"),
                {{QStringLiteral("stream"), QStringLiteral("departments")}});
        QCOMPARE(exchange(fx.server.url(), get("/")).status, 200);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(fx.start()); }

    void servesThePage()
    {
        const Answer index = exchange(fx.server.url(), get("/"));
        QCOMPARE(index.status, 200);
        verifyPolicy(index);
        QCOMPARE(index.fields.value("content-type"), QByteArray("text/html; charset=utf-8"));
        QVERIFY(index.body.contains("<script type=\"module\" src=\"/app.js\">"));
        QCOMPARE(index.fields.value("content-length").toInt(), index.body.size());
        QCOMPARE(exchange(fx.server.url(), get("/index.html")).body, index.body);

        const Answer script = exchange(fx.server.url(), get("/app.js"));
        QCOMPARE(script.status, 200);
        QCOMPARE(script.fields.value("content-type"), QByteArray("text/javascript; charset=utf-8"));
        QVERIFY(script.body.contains("import"));
        QCOMPARE(exchange(fx.server.url(), get("/style.css")).fields.value("content-type"),
                 QByteArray("text/css; charset=utf-8"));
        QCOMPARE(exchange(fx.server.url(), get("/icon.svg")).fields.value("content-type"),
                 QByteArray("image/svg+xml"));

        // HEAD: the same fields, no body.
        const Answer head = exchange(fx.server.url(), get("/app.js", "HEAD"));
        QCOMPARE(head.status, 200);
        QCOMPARE(head.fields.value("content-length").toInt(), script.body.size());
        QVERIFY(head.body.isEmpty());

        // Revalidation: the file's tag gets 304 and no body; the page is asked about every use.
        QCOMPARE(script.fields.value("cache-control"), QByteArray("no-cache"));
        const QByteArray etag = script.fields.value("etag");
        QVERIFY(etag.startsWith('"'));
        const Answer same =
            exchange(fx.server.url(), get("/app.js", "GET", "If-None-Match: W/" + etag + "\r\n"));
        QCOMPARE(same.status, 304);
        QVERIFY(same.body.isEmpty());
        QCOMPARE(
            exchange(fx.server.url(), get("/app.js", "GET", "If-None-Match: \"old\"\r\n")).status,
            200);
    }

    void refusesEverythingElse_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("POST") << get("/", "POST", "Content-Length: 0\r\n") << 405;
        QTest::newRow("PUT") << get("/app.js", "PUT") << 405;
        QTest::newRow("OPTIONS") << get("/", "OPTIONS") << 405;
        QTest::newRow("unknown path") << get("/admin") << 404;
        QTest::newRow("dot-dot") << get("/../../etc/passwd") << 404;
        QTest::newRow("encoded dot-dot") << get("/%2e%2e/%2e%2e/etc/passwd") << 404;
        QTest::newRow("double slash") << get("//etc/passwd") << 404;
        QTest::newRow("file then dot-dot") << get("/app.js/../index.html") << 404;
        QTest::newRow("encoded NUL") << get("/index.html%00.js") << 404;
        QTest::newRow("backslash") << get("/..\\..\\etc\\passwd") << 404;
        QTest::newRow("source map") << get("/app.js.map") << 404;
        QTest::newRow("a body") << get("/", "GET", "Content-Length: 5\r\n") + "hello" << 400;
        QTest::newRow("chunked") << get("/", "GET", "Transfer-Encoding: chunked\r\n") << 400;
        QTest::newRow("absolute form")
            << QByteArray("GET http://127.0.0.1/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") << 400;
        QTest::newRow("no Host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.1\nHost: a\n\n") << 400;
        QTest::newRow("not HTTP") << QByteArray("\x16\x03\x01\x00\xa5\x01\x00", 7) << 400;
        QTest::newRow("oversized head")
            << get("/", "GET", "Cookie: " + QByteArray(20000, 'c') + "\r\n") << 431;
    }
    void refusesEverythingElse()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        const Answer answer = exchange(fx.server.url(), request);
        QCOMPARE(answer.status, status);
        verifyPolicy(answer);
        QVERIFY(!answer.body.contains("<html"));
        if (status == 405)
            QCOMPARE(answer.fields.value("allow"), QByteArray("GET, HEAD"));
        verifyStillServes();
    }

    // A head trickled a byte at a time is dropped at the opening deadline (10 s), while
    // everyone else is served as usual.
    void aSlowHeadIsDropped()
    {
        QTcpSocket slow;
        slow.connectToHost(fx.server.url().host(), quint16(fx.server.url().port()));
        QVERIFY(slow.waitForConnected(5000));
        const QByteArray head = get("/", "GET", "X-Slow: " + QByteArray(40, 's') + "\r\n");
        QElapsedTimer clock;
        clock.start();
        qsizetype sent = 0;
        while (slow.state() == QAbstractSocket::ConnectedState && clock.elapsed() < 20000) {
            if (sent < head.size() - 1 && clock.elapsed() > sent * 250) {
                slow.write(head.mid(sent++, 1));
                slow.flush();
            }
            if (sent == 8)
                verifyStillServes();
            slow.waitForReadyRead(50);
        }
        QCOMPARE(slow.state(), QAbstractSocket::UnconnectedState);
        QVERIFY2(clock.elapsed() >= 9000, "dropped before the deadline");
        QVERIFY(slow.readAll().isEmpty()); // never answered
        verifyStillServes();
    }

    // Clients that ask for the largest file and never read hold their answers (and the server's
    // copies) until the deadline; at 128 of them the next request is told to come back (503),
    // WebSocket clients are served as usual, and once they go pages are served again.
    void answersBeingWrittenAreBounded()
    {
        const QByteArray big = "/vendor/encoderWorker.min.js";
        if (exchange(fx.server.url(), get(big, "HEAD")).status != 200)
            QSKIP("the server was built without the page's npm files (npm ci in server/web)");
        std::vector<std::unique_ptr<QTcpSocket>> stalled;
        for (int i = 0; i < 128; ++i) {
            // A small receive window from the start: set before connecting, which Qt cannot.
            const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
            const int window = 4096;
            ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &window, sizeof window);
            sockaddr_in to{};
            to.sin_family = AF_INET;
            to.sin_port = htons(quint16(fx.server.url().port()));
            to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            QCOMPARE(::connect(fd, reinterpret_cast<sockaddr *>(&to), sizeof to), 0);
            auto socket = std::make_unique<QTcpSocket>();
            QVERIFY(socket->setSocketDescriptor(fd));
            socket->setReadBufferSize(4096); // and Qt takes no more than that either
            socket->write(get(big));
            QVERIFY(socket->waitForBytesWritten(5000));
            stalled.push_back(std::move(socket));
        }
        QTest::qWait(500);
        const Answer busy = exchange(fx.server.url(), get("/"));
        QCOMPARE(busy.status, 503);
        QCOMPARE(busy.fields.value("retry-after"), QByteArray("2"));
        verifyPolicy(busy);
        auto rep = fx.representative(fx.cast.rep1);
        QVERIFY(rep);
        stalled.clear();
        QTRY_COMPARE_WITH_TIMEOUT(exchange(fx.server.url(), get("/")).status, 200, 10000);
    }

    // The page's socket address: a WebSocket to /ws is the protocol as before.
    void webSocketOnTheSamePort()
    {
        QUrl ws = fx.server.url();
        ws.setPath(QStringLiteral("/ws"));
        TestClient client(ws);
        QVERIFY(client.connectAndHello());
        QVERIFY(client.repLogin(fx.cast.rep1, demoRepresentativePassword()));
    }

    // With a certificate, the same after the TLS handshake: the page over https, the protocol
    // over wss on one port.
    void servesOverTls()
    {
        QTemporaryDir dir;
        QVERIFY2(makeTestCertificate(dir.path()), "openssl makes the test certificate");
        IntegrationFixture tlsFx({QStringLiteral("--cert"),
                                  dir.filePath(QStringLiteral("cert.pem")), QStringLiteral("--key"),
                                  dir.filePath(QStringLiteral("key.pem"))});
        QVERIFY(tlsFx.start());
        QSslConfiguration trust = QSslConfiguration::defaultConfiguration();
        trust.setCaCertificates(
            QSslCertificate::fromPath(dir.filePath(QStringLiteral("cert.pem"))));

        QSslSocket https;
        https.setSslConfiguration(trust);
        const Answer page = exchange(https, tlsFx.server.url(), get("/"));
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("/app.js"));
        QSslSocket refused;
        refused.setSslConfiguration(trust);
        QCOMPARE(exchange(refused, tlsFx.server.url(), get("/etc/passwd")).status, 404);

        QUrl wss = tlsFx.server.url();
        wss.setPath(QStringLiteral("/ws"));
        TestClient client(wss);
        client.client().setSslConfiguration(trust);
        QVERIFY(client.connectAndHello());
        QVERIFY(client.repLogin(tlsFx.cast.rep1, demoRepresentativePassword()));
        // Plain HTTP to the TLS port gets no page.
        QCOMPARE(exchange(tlsFx.server.url(), get("/")).status, 0);
        QVERIFY(tlsFx.server.stop());
    }
};

QTEST_GUILESS_MAIN(TestWebServe)
#include "tst_webserve.moc"
