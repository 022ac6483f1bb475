// wss://: the server serves TLS when given a certificate and key, and a client that trusts
// that certificate signs in over it.
#include "IntegrationFixture.h"
#include "TestCertificate.h"

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QtTest>

class TestTls : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir dir;

private Q_SLOTS:
    void signsInOverTls()
    {
        QVERIFY2(makeTestCertificate(dir.path()), "openssl makes the test certificate");
        IntegrationFixture fx({QStringLiteral("--cert"), dir.filePath(QStringLiteral("cert.pem")),
                               QStringLiteral("--key"), dir.filePath(QStringLiteral("key.pem"))});
        QVERIFY(fx.start());
        QCOMPARE(fx.server.url().scheme(), QStringLiteral("wss"));

        TestClient client(fx.server.url());
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(dir.filePath(QStringLiteral("cert.pem"))));
        client.client().setSslConfiguration(tls);
        QVERIFY(client.connectAndHello());
        QVERIFY(client.login(fx.cast.responderA1, demoResponderPassword()));
        client.ok(QStringLiteral("sync.pull"),
                  {{QStringLiteral("stream"), QStringLiteral("departments")}});

        // A client that does not trust the certificate gets nowhere.
        TestClient untrusting(fx.server.url());
        QVERIFY(!untrusting.open(5000));

        // Plain ws:// to the TLS port is not served either.
        QUrl plain = fx.server.url();
        plain.setScheme(QStringLiteral("ws"));
        TestClient cleartext(plain);
        QVERIFY(!cleartext.open(5000));
        QVERIFY(fx.server.stop());
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
