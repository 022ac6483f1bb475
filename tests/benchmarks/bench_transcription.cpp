// Voice to text, measured: (1) the PocketSphinx plugin path (the Ogg Opus voice message decoded
// and resampled by the console, the engine through the plugin) against Debian's own
// `pocketsphinx_continuous` on flite's original 16 kHz WAV of the same sentences, in one run:
// real-time factor as a ratio, and word error rate for both; (2) with the server engine, the
// time from a representative's voice.commit to the transcript.updated on a responder's
// connection for a 10 s clip, p50 and p95, against the engine's own time for that clip.
#include "Percentile.h"
#include "ServerProcess.h"
#include "SpokenClip.h"
#include "TestClient.h"
#include "TestDatabase.h"
#include "VoiceUpload.h"
#include "WordErrorRate.h"
#include "app/audio/SpeechPcm.h"
#include "app/transcription/SpeechEngineRegistry.h"
#include "server/demo/DemoCatalog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <cstdio>

namespace {

const QStringList sentences{
    QStringLiteral("please call me back about the new bus line next week"),
    QStringLiteral("the school will open a new building in september"),
    QStringLiteral("how many families have applied for the housing subsidy"),
    QStringLiteral("the water in our street has been cut off three times this month"),
    QStringLiteral("when will the hospital add more beds for old people"),
};

// About ten seconds of speech, for the send-to-transcript figure.
const QString longSentence = QStringLiteral(
    "good morning this is a question about the housing subsidy for young families in our "
    "district how many families have applied this year and when will the department answer");

QByteArray fliteWav(const QString &sentence, const QString &path)
{
    QProcess flite;
    flite.start(QStringLiteral("flite"),
                {QStringLiteral("-voice"), QStringLiteral("slt"), QStringLiteral("-t"), sentence,
                 QStringLiteral("-o"), path});
    flite.waitForFinished(30000);
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void print(const char *name, double value, const char *unit, const QString &target)
{
    std::printf("%s: %.3f %s (target: %s)\n", name, value, unit, qPrintable(target));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    SpeechEngineRegistry registry;
    registry.scan(SpeechEngineRegistry::defaultFolders() +
                  QStringList{qEnvironmentVariable("CONSULT_PLUGIN_BUILD_DIR") +
                              QStringLiteral("/transcription")});
    const SpeechEngineFactory *factory = registry.factory(QStringLiteral("pocketsphinx"));
    QTemporaryDir dir;
    if (!factory || !dir.isValid()) {
        std::fprintf(stderr, "the PocketSphinx plugin is not built\n");
        return 1;
    }
    QString error;
    auto engine = factory->create({}, &error);
    if (!engine) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    Transcript last;
    QObject::connect(engine.get(), &SpeechEngine::finished,
                     [&last](const Transcript &t) { last = t; });

    // The command loads its model on every run; the plugin's engine keeps it. What a run of the
    // command on 0.3 s of silence takes is its start-up, taken off each of its runs so that the
    // ratio compares decoding with decoding.
    const auto runCommand = [](const QString &wav, QString *heard) {
        QProcess command;
        QElapsedTimer timer;
        timer.start();
        command.start(QStringLiteral("pocketsphinx_continuous"),
                      {QStringLiteral("-infile"), wav, QStringLiteral("-logfn"),
                       QStringLiteral("/dev/null")});
        command.waitForFinished(120000);
        if (heard)
            *heard = QString::fromUtf8(command.readAllStandardOutput()).simplified();
        return double(timer.nsecsElapsed()) / 1e6;
    };
    const QString silence = dir.filePath(QStringLiteral("silence.wav"));
    {
        QFile file(silence);
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        file.write(SpeechAudio{QByteArray(16000 * 3 / 10 * 2, 0), 16000}.wav());
    }
    double startupMs = 1e9;
    for (int i = 0; i < 3; ++i)
        startupMs = std::min(startupMs, runCommand(silence, nullptr));

    double pluginMs = 0;
    double commandMs = 0;
    double audioMs = 0;
    double pluginErrors = 0;
    double commandErrors = 0;
    int words = 0;
    for (int i = 0; i < sentences.size(); ++i) {
        const QString wavPath = dir.filePath(QStringLiteral("s%1.wav").arg(i));
        const QByteArray wav = fliteWav(sentences.at(i), wavPath);
        const QByteArray ogg = spokenClip(sentences.at(i), dir.path());
        const QStringList reference = wordsOf(sentences.at(i));
        words += int(reference.size());

        QElapsedTimer timer;
        timer.start();
        const auto pcm = speechPcm(ogg);
        engine->transcribe({QStringLiteral("en-US"), {}}, SpeechAudio{*pcm, 16000});
        pluginMs += double(timer.nsecsElapsed()) / 1e6;
        audioMs += double(SpeechAudio{*pcm, 16000}.durationMs());
        pluginErrors += wordErrorRate(reference, wordsOf(last.text())) * double(reference.size());

        QString heard;
        commandMs += std::max(0.0, runCommand(wavPath, &heard) - startupMs);
        commandErrors += wordErrorRate(reference, wordsOf(heard)) * double(reference.size());
    }
    const double pluginRtf = pluginMs / audioMs;
    const double commandRtf = commandMs / audioMs;
    print("transcription_rtf_plugin", pluginRtf, "x real time",
          QStringLiteral("<= 1.05 x the command's %1").arg(commandRtf, 0, 'f', 3));
    print(
        "transcription_rtf_command", commandRtf, "x real time",
        QStringLiteral("peer; its start-up of %1 ms taken off each run").arg(startupMs, 0, 'f', 0));
    print("transcription_rtf_ratio", pluginRtf / commandRtf, "x", QStringLiteral("<= 1.05"));
    print("transcription_wer_plugin", 100.0 * pluginErrors / words, "%",
          QStringLiteral("<= command + 1 = %1").arg(100.0 * commandErrors / words + 1, 0, 'f', 1));
    print("transcription_wer_command", 100.0 * commandErrors / words, "%", QStringLiteral("peer"));

    // The server engine, end to end.
    const QString dbPath = dir.filePath(QStringLiteral("server.sqlite"));
    const TestCast cast = castFrom(TestDatabase::create(dbPath));
    ServerProcess server({QStringLiteral("--transcribe"), QStringLiteral("--transcribe-language"),
                          QStringLiteral("en-US")});
    if (!server.start(dbPath)) {
        std::fprintf(stderr, "the server did not start\n");
        return 1;
    }
    TestClient rep(server.url());
    TestClient officer(server.url());
    if (!rep.connectAndHello() || !rep.repLogin(cast.rep1, demoRepresentativePassword()) ||
        !officer.connectAndHello() || !officer.login(cast.responderA1, demoResponderPassword()))
        return 1;
    const qint64 consultation = rep.openConsultation(cast.deptA, QStringLiteral("benchmark"));
    const QByteArray clip = spokenClip(longSentence, dir.path());
    const auto clipPcm = speechPcm(clip);
    const SpeechAudio clipAudio{*clipPcm, 16000};
    QList<double> engineTimes;
    QList<double> delivered;
    constexpr int rounds = 10;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        engine->transcribe({QStringLiteral("en-US"), {}}, clipAudio);
        engineTimes << double(timer.nsecsElapsed()) / 1e6;

        timer.restart();
        const qint64 voice = uploadVoice(rep, consultation, clip, clipAudio.durationMs());
        const auto done = officer.waitForEvent(
            QStringLiteral("transcript.updated"),
            [voice](const QJsonObject &data) {
                const QJsonObject t = data.value(QLatin1String("transcript")).toObject();
                return t.value(QLatin1String("messageId")).toInteger() == voice &&
                       t.value(QLatin1String("state")).toString() != QLatin1String("pending");
            },
            60000);
        if (!done)
            return 1;
        delivered << double(timer.nsecsElapsed()) / 1e6;
    }
    const double engineMedian = percentile(engineTimes, 50);
    std::printf("# clip: %.1f s of speech; engine alone, in this process: %.0f ms (median of %d)\n",
                double(clipAudio.durationMs()) / 1000.0, engineMedian, rounds);
    print("server_transcript_p50", percentile(delivered, 50), "ms",
          QStringLiteral("engine alone %1 ms").arg(engineMedian, 0, 'f', 0));
    print("server_transcript_p95", percentile(delivered, 95), "ms",
          QStringLiteral("<= 1.5 x engine = %1 ms").arg(1.5 * engineMedian, 0, 'f', 0));
    server.stop();
    return 0;
}
