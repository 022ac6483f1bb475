// The plugin door for speech-to-text engines: the registry finds the engine plugins built in
// plugins/, loads and calls one, and reports and skips a plugin file that is broken.
#include "app/transcription/SpeechEngineRegistry.h"

#include <QDir>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtEndian>
#include <QtTest>

#include <cmath>

namespace {
constexpr int rate = 16000;
// The engine plugins plugins/ builds, by id.
const QStringList builtEngines{QStringLiteral("http"), QStringLiteral("pocketsphinx"),
                               QStringLiteral("speech-segmenter")};

// Silence (a faint hiss) and a 300 Hz tone in the stretches given, as 16 kHz mono PCM.
SpeechAudio clip(const QList<QPair<int, bool>> &stretches)
{
    SpeechAudio audio;
    audio.sampleRate = rate;
    quint32 noise = 12345;
    qint64 n = 0;
    for (const auto &[ms, voiced] : stretches) {
        for (qint64 i = 0; i < qint64(ms) * rate / 1000; ++i, ++n) {
            noise = noise * 1664525u + 1013904223u;
            double s = (double(noise >> 16) / 65536.0 - 0.5) * 0.002;
            if (voiced)
                s += 0.25 * std::sin(2 * M_PI * 300 * double(n) / rate);
            const auto sample = qToLittleEndian(static_cast<qint16>(s * 32767));
            audio.pcm.append(reinterpret_cast<const char *>(&sample), 2);
        }
    }
    return audio;
}
} // namespace

class TestSpeechEngines : public QObject
{
    Q_OBJECT
private:
    QString pluginFolder() const
    {
        return qEnvironmentVariable("CONSULT_PLUGIN_BUILD_DIR") + QStringLiteral("/transcription");
    }

private Q_SLOTS:
    void findsAndDescribesTheBuiltEngine()
    {
        SpeechEngineRegistry registry;
        registry.scan({pluginFolder()});
        QVERIFY2(registry.problems().isEmpty(), qPrintable(registry.problems().value(0).reason));
        QStringList ids;
        SpeechEngineInfo segmenter;
        for (const SpeechEngineInfo &engine : registry.engines()) {
            ids << engine.id;
            if (engine.id == QLatin1String("speech-segmenter"))
                segmenter = engine;
        }
        ids.sort();
        QCOMPARE(ids, builtEngines);
        QVERIFY(segmenter.offline);
        QVERIFY(segmenter.languages.contains(QStringLiteral("zh-CN")));
        QVERIFY(registry.factory(QStringLiteral("speech-segmenter")));
        QVERIFY(!registry.factory(QStringLiteral("no-such-engine")));
    }

    void anEngineOnAWorkerThreadFindsTheSpeech()
    {
        SpeechEngineRegistry registry;
        registry.scan({pluginFolder()});
        const SpeechEngineFactory *factory = registry.factory(QStringLiteral("speech-segmenter"));
        QVERIFY(factory);
        QString error;
        std::unique_ptr<SpeechEngine> engine = factory->create({}, &error);
        QVERIFY2(engine, qPrintable(error));

        QThread worker;
        // Stopped however the test ends, so that a failure is reported rather than aborting.
        const auto stop = qScopeGuard([&worker] {
            worker.quit();
            worker.wait();
        });
        engine->moveToThread(&worker);
        worker.start();
        QSignalSpy segments(engine.get(), &SpeechEngine::segmentFound);
        QSignalSpy finished(engine.get(), &SpeechEngine::finished);
        const SpeechAudio audio =
            clip({{500, false}, {800, true}, {600, false}, {1000, true}, {400, false}});
        QMetaObject::invokeMethod(engine.get(), [&engine, audio] {
            engine->transcribe({QStringLiteral("zh-CN"), {}}, audio);
        });
        // Not finished.wait(): the spy records from the worker thread, which may well finish
        // before wait() would start counting.
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);

        const auto transcript = finished.first().first().value<Transcript>();
        QCOMPARE(transcript.engineId, QStringLiteral("speech-segmenter"));
        QCOMPARE(transcript.language, QStringLiteral("zh-CN"));
        QCOMPARE(transcript.segments.size(), 2);
        QCOMPARE(segments.size(), 2);
        const QList<QPair<qint64, qint64>> expected{{500, 1300}, {1900, 2900}};
        for (int i = 0; i < 2; ++i) {
            const TranscriptSegment &s = transcript.segments.at(i);
            QVERIFY2(
                std::abs(s.startMs - expected.at(i).first) <= 40 &&
                    std::abs(s.endMs - expected.at(i).second) <= 40,
                qPrintable(
                    QStringLiteral("segment %1 is %2-%3 ms").arg(i).arg(s.startMs).arg(s.endMs)));
        }
    }

    void aCancelledRunEndsWithCancelled()
    {
        SpeechEngineRegistry registry;
        registry.scan({pluginFolder()});
        const SpeechEngineFactory *factory = registry.factory(QStringLiteral("speech-segmenter"));
        QVERIFY(factory);
        std::unique_ptr<SpeechEngine> engine = factory->create({}, nullptr);
        QVERIFY(engine);
        SpeechEngine *raw = engine.get();
        connect(
            raw, &SpeechEngine::progress, raw, [raw] { raw->cancel(); }, Qt::DirectConnection);
        QSignalSpy finished(raw, &SpeechEngine::finished);
        QSignalSpy cancelled(raw, &SpeechEngine::cancelled);
        engine->transcribe({QStringLiteral("en-US"), {}}, clip({{5000, true}}));
        QCOMPARE(cancelled.size(), 1);
        QCOMPARE(finished.size(), 0);
    }

    // Debian's English model is not used on Mandarin voice messages (the default language):
    // confident nonsense under every message would be worse than no text.
    void theEngineIsChosenOnlyForTheLanguageSpoken()
    {
        SpeechEngineRegistry registry;
        registry.scan({pluginFolder()});
        QString why;
        QVERIFY(!registry.choose({}, &why));
        QVERIFY2(why.contains(QLatin1String("en-US")) && why.contains(QLatin1String("zh-CN")),
                 qPrintable(why));
        why.clear();
        QCOMPARE(
            registry.choose({{QStringLiteral("speechLanguage"), QStringLiteral("en-US")}}, &why),
            registry.factory(QStringLiteral("pocketsphinx")));
        // A Mandarin model named in the settings fits.
        QCOMPARE(registry.choose({{QStringLiteral("language"), QStringLiteral("zh-CN")}}, &why),
                 registry.factory(QStringLiteral("pocketsphinx")));
        QVERIFY(!registry.choose({{QStringLiteral("engine"), QStringLiteral("whisper")}}, &why));
        QVERIFY(why.contains(QLatin1String("whisper")));
    }

    void aBrokenPluginIsReportedAndSkipped()
    {
        QTemporaryDir broken;
        QFile junk(broken.filePath(QStringLiteral("libjunk-engine.so")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(4096, '\x7f'));
        junk.close();

        SpeechEngineRegistry registry;
        registry.scan({broken.path(), pluginFolder()});
        QCOMPARE(registry.problems().size(), 1);
        QCOMPARE(registry.problems().first().file, junk.fileName());
        QVERIFY(!registry.problems().first().reason.isEmpty());
        QCOMPARE(registry.engines().size(), builtEngines.size()); // the good ones still load
    }

    // Found in every folder given (the install's, then CONSULT_PLUGIN_PATH's); one built for
    // another interface version is refused by name, and never run.
    void anOldInterfaceVersionIsRefusedByName()
    {
        const QString old = qEnvironmentVariable("CONSULT_OLD_PLUGIN_DIR");
        QVERIFY(QDir(old).exists());
        QTemporaryDir empty;
        SpeechEngineRegistry registry;
        registry.scan({empty.path(), old, pluginFolder()});
        QCOMPARE(registry.engines().size(), builtEngines.size());
        QVERIFY(!registry.factory(QStringLiteral("old-engine")));
        QCOMPARE(registry.problems().size(), 1);
        const QString reason = registry.problems().first().reason;
        QVERIFY2(reason.contains(QLatin1String("SpeechEngineFactory/0")) &&
                     reason.contains(QLatin1String("SpeechEngineFactory/1")),
                 qPrintable(reason));
    }

    void aSecondCopyOfAnEngineIsReported()
    {
        SpeechEngineRegistry registry;
        registry.scan({pluginFolder(), pluginFolder()});
        QCOMPARE(registry.engines().size(), builtEngines.size());
        QCOMPARE(registry.problems().size(), builtEngines.size());
        QVERIFY(registry.problems().first().reason.contains(QLatin1String("already loaded")));
    }

    void transcriptTextJoinsByLanguage()
    {
        Transcript zh{QStringLiteral("x"), QStringLiteral("zh-CN"), {}};
        zh.segments = {{0, 1, QStringLiteral("您好"), -1, {}},
                       {1, 2, QStringLiteral("请问"), -1, {}}};
        QCOMPARE(zh.text(), QStringLiteral("您好请问"));
        Transcript en{QStringLiteral("x"), QStringLiteral("en-US"), zh.segments};
        en.segments[0].text = QStringLiteral("hello");
        en.segments[1].text = QStringLiteral("there");
        QCOMPARE(en.text(), QStringLiteral("hello there"));
    }
};

QTEST_GUILESS_MAIN(TestSpeechEngines)
#include "tst_speechengines.moc"
