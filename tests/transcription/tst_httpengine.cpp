// The HTTP engine plugin against the reference server's own /v1/audio/transcriptions (the
// server running the real PocketSphinx engine): a transcript with word times, a wrong key
// (401), a recording over the service's limit (413); and, from a bare socket in the test, the
// two failures a real service cannot be asked to show on demand: one that stops answering and
// one that answers with something that is not JSON.
#include "ServerProcess.h"
#include "SpokenClip.h"
#include "app/audio/SpeechPcm.h"
#include "app/transcription/SpeechEngineRegistry.h"

#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Outcome
{
    std::optional<Transcript> transcript;
    QString failure;
    bool forNow = false; // the service's state, not the clip's: to be tried again later
};

} // namespace

class TestHttpEngine : public QObject
{
    Q_OBJECT

    SpeechEngineRegistry m_engines;
    SpeechAudio m_speech;
    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    quint16 m_port = 0;
    const QString m_key = QStringLiteral("test-key-7f3a");

    // The engine as the console makes it, run to its end on this thread.
    Outcome run(const QVariantMap &settings, const SpeechAudio &audio)
    {
        QString error;
        auto engine = m_engines.factory(QStringLiteral("http"))->create(settings, &error);
        Outcome outcome;
        if (!engine) {
            outcome.failure = error;
            return outcome;
        }
        connect(engine.get(), &SpeechEngine::finished, this,
                [&outcome](const Transcript &t) { outcome.transcript = t; });
        connect(engine.get(), &SpeechEngine::failed, this,
                [&outcome](const QString &why) { outcome.failure = why; });
        connect(engine.get(), &SpeechEngine::unavailable, this, [&outcome](const QString &why) {
            outcome.failure = why;
            outcome.forNow = true;
        });
        engine->transcribe({QStringLiteral("en-US"), {}}, audio);
        return outcome;
    }

    QVariantMap service(quint16 port, const QString &key = {}) const
    {
        return {{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1").arg(port)},
                {QStringLiteral("language"), QStringLiteral("en-US")},
                {QStringLiteral("apiKey"), key},
                {QStringLiteral("timeoutMs"), 20000},
                {QStringLiteral("attempts"), 2}};
    }

    std::unique_ptr<ServerProcess> transcriptionServer(quint16 port, QStringList extra)
    {
        auto server = std::make_unique<ServerProcess>(
            QStringList{QStringLiteral("--transcription-port"), QString::number(port),
                        QStringLiteral("--transcribe-language"), QStringLiteral("en-US")} +
            extra);
        return server->start() ? std::move(server) : nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("flite")).isEmpty())
            QSKIP("flite is needed to speak the test sentence");
        m_engines.scan(
            {qEnvironmentVariable("CONSULT_PLUGIN_BUILD_DIR") + QStringLiteral("/transcription")});
        QVERIFY(m_engines.factory(QStringLiteral("http")));
        QVERIFY(!m_engines.factory(QStringLiteral("http"))->info().offline);
        const auto pcm = speechPcm(
            spokenClip(QStringLiteral("how many families have applied for the housing subsidy"),
                       m_dir.path()));
        QVERIFY(pcm);
        m_speech = SpeechAudio{*pcm, 16000};
        QFile key(m_dir.filePath(QStringLiteral("key")));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write(m_key.toUtf8() + '\n');
        key.close();
        m_port = ServerProcess::freePort();
        m_server = transcriptionServer(
            m_port, {QStringLiteral("--transcription-key-file"), key.fileName()});
        QVERIFY(m_server);
    }

    void cleanupTestCase()
    {
        if (m_server)
            QVERIFY(m_server->stop());
    }

    void transcribesWithWordTimes()
    {
        const Outcome outcome = run(service(m_port, m_key), m_speech);
        QVERIFY2(outcome.transcript, qPrintable(outcome.failure));
        QVERIFY2(outcome.transcript->text().contains(QLatin1String("housing subsidy")),
                 qPrintable(outcome.transcript->text()));
        QCOMPARE(outcome.transcript->engineId, QStringLiteral("http"));
        const auto &words = outcome.transcript->segments.first().words;
        QVERIFY(words.size() >= 6);
        for (int i = 1; i < words.size(); ++i)
            QVERIFY(words.at(i).startMs >= words.at(i - 1).startMs);
        QVERIFY(words.last().endMs <= m_speech.durationMs() + 50);
    }

    void aWrongKeyIsRefusedWith401()
    {
        const Outcome outcome = run(service(m_port, QStringLiteral("wrong")), m_speech);
        QVERIFY(!outcome.transcript);
        QVERIFY(outcome.forNow); // the key is mended, then the clip is done
        QVERIFY2(outcome.failure.contains(QLatin1String("401")) &&
                     outcome.failure.contains(QLatin1String("API key")),
                 qPrintable(outcome.failure));
    }

    void aRecordingOverTheLimitIs413()
    {
        const quint16 port = ServerProcess::freePort();
        auto small = transcriptionServer(
            port, {QStringLiteral("--transcription-max-bytes"), QStringLiteral("20000")});
        QVERIFY(small);
        const Outcome outcome = run(service(port), m_speech);
        QVERIFY(!outcome.transcript);
        QVERIFY(!outcome.forNow); // the clip will not fit later either
        QVERIFY2(outcome.failure.contains(QLatin1String("413")), qPrintable(outcome.failure));
        QVERIFY(small->stop());
    }

    void aServiceThatStopsAnsweringTimesOutAfterItsAttempts()
    {
        QTcpServer silent; // takes the request, never answers
        QList<QTcpSocket *> held;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        connect(&silent, &QTcpServer::newConnection, this,
                [&] { held << silent.nextPendingConnection(); });
        QVariantMap settings = service(silent.serverPort());
        settings.insert(QStringLiteral("timeoutMs"), 1000);
        const Outcome outcome = run(settings, m_speech);
        QVERIFY(!outcome.transcript);
        QVERIFY(outcome.forNow);
        QVERIFY2(outcome.failure.contains(QLatin1String("did not answer")),
                 qPrintable(outcome.failure));
        QCOMPARE(held.size(), 2); // tried again once, as configured
    }

    void anAnswerThatIsNotATranscriptIsSaidClearly()
    {
        QTcpServer broken;
        QVERIFY(broken.listen(QHostAddress::LocalHost));
        connect(&broken, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *socket = broken.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                // Answers once the whole form is in, as a service does.
                socket->setProperty("got",
                                    socket->property("got").toByteArray() + socket->readAll());
                if (!socket->property("got").toByteArray().endsWith("--\r\n"))
                    return;
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                              "Content-Length: 12\r\nConnection: close\r\n\r\n{\"text\": 12,");
                socket->disconnectFromHost();
            });
        });
        const Outcome outcome = run(service(broken.serverPort()), m_speech);
        QVERIFY(!outcome.transcript);
        QVERIFY(!outcome.forNow);
        QVERIFY2(outcome.failure.contains(QLatin1String("not a transcript")),
                 qPrintable(outcome.failure));
    }

    // A busy service (429) is asked again after what its Retry-After says; then its answer,
    // segments and words, is the transcript.
    void aBusyServiceIsAskedAgain()
    {
        QTcpServer busyOnce;
        QVERIFY(busyOnce.listen(QHostAddress::LocalHost));
        int requests = 0;
        connect(&busyOnce, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *socket = busyOnce.nextPendingConnection();
            const int number = ++requests;
            connect(socket, &QTcpSocket::readyRead, socket, [socket, number] {
                socket->setProperty("got",
                                    socket->property("got").toByteArray() + socket->readAll());
                if (!socket->property("got").toByteArray().endsWith("--\r\n"))
                    return;
                const QByteArray body =
                    number == 1
                        ? QByteArray("{\"error\":{\"message\":\"busy\"}}")
                        : QByteArray("{\"text\":\"hello there\",\"segments\":[{\"id\":0,"
                                     "\"start\":0.5,\"end\":1.5,\"text\":\" hello there\"}],"
                                     "\"words\":[{\"word\":\"hello\",\"start\":0.5,\"end\":0.9},"
                                     "{\"word\":\"there\",\"start\":1.0,\"end\":1.5}]}");
                socket->write((number == 1 ? QByteArray("HTTP/1.1 429 Too Many Requests\r\n"
                                                        "Retry-After: 0\r\n")
                                           : QByteArray("HTTP/1.1 200 OK\r\n")) +
                              "Content-Type: application/json\r\nContent-Length: " +
                              QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" +
                              body);
                socket->disconnectFromHost();
            });
        });
        const Outcome outcome = run(service(busyOnce.serverPort()), m_speech);
        QVERIFY2(outcome.transcript, qPrintable(outcome.failure));
        QCOMPARE(requests, 2);
        QCOMPARE(outcome.transcript->text(), QStringLiteral("hello there"));
        const auto &words = outcome.transcript->segments.first().words;
        QCOMPARE(words.size(), 2);
        QCOMPARE(words.at(1).startMs, 1000);
        QCOMPARE(words.at(1).endMs, 1500);
    }

    void withoutAnAddressTheEngineSaysSo()
    {
        const Outcome outcome = run({}, m_speech);
        QVERIFY(outcome.failure.contains(QLatin1String("address")));
    }
};

QTEST_GUILESS_MAIN(TestHttpEngine)
#include "tst_httpengine.moc"
