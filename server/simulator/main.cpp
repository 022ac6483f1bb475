// consult-repsim: representatives for demos and load, talking protocol v1 to a server.
#include "RepresentativeSimulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>
#include <cstdio>

namespace {
const QStringList kVoiceLines{
    QStringLiteral("您好，我想了解一下今年幼儿园和小学的报名时间安排。"),
    QStringLiteral("我们社区老年人比较多，希望增加助餐点。"),
    QStringLiteral("请问老旧小区加装电梯的补贴标准是多少？"),
};

QList<SpeechSynthesizer::Clip> makeClips(int count)
{
    QList<SpeechSynthesizer::Clip> clips;
    for (int i = 0; i < std::min<int>(count, kVoiceLines.size()); ++i) {
        auto clip = SpeechSynthesizer::speak(kVoiceLines.at(i));
        if (!clip) {
            std::fprintf(stderr, "voice messages disabled: %s\n", qPrintable(clip.error()));
            break;
        }
        clips << clip.value();
    }
    return clips;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("consult-repsim"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Simulates representatives opening consultations and sending messages."));
    parser.addHelpOption();
    const QCommandLineOption url(QStringLiteral("url"),
                                 QStringLiteral("Server address (default ws://127.0.0.1:8765)."),
                                 QStringLiteral("url"), QStringLiteral("ws://127.0.0.1:8765"));
    const QCommandLineOption reps(QStringLiteral("reps"),
                                  QStringLiteral("How many representatives (default 10)."),
                                  QStringLiteral("n"), QStringLiteral("10"));
    const QCommandLineOption first(QStringLiteral("first"),
                                   QStringLiteral("First representative number (default 1)."),
                                   QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption rate(QStringLiteral("rate"),
                                  QStringLiteral("Messages per second, all together (default 1)."),
                                  QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption count(QStringLiteral("count"),
                                   QStringLiteral("Stop after this many messages (default 100)."),
                                   QStringLiteral("n"), QStringLiteral("100"));
    const QCommandLineOption seconds(QStringLiteral("seconds"),
                                     QStringLiteral("Stop after this many seconds (default 60)."),
                                     QStringLiteral("n"), QStringLiteral("60"));
    const QCommandLineOption voice(QStringLiteral("voice-share"),
                                   QStringLiteral("Share of voice messages, 0 to 1 (default 0.2)."),
                                   QStringLiteral("x"), QStringLiteral("0.2"));
    const QCommandLineOption department(QStringLiteral("department"),
                                        QStringLiteral("Only this department id (repeatable)."),
                                        QStringLiteral("id"));
    const QCommandLineOption password(
        QStringLiteral("password"),
        QStringLiteral("Representatives' password (default: the demo one)."),
        QStringLiteral("text"), QStringLiteral("rep2026"));
    parser.addOptions({url, reps, first, rate, count, seconds, voice, department, password});
    parser.process(app);

    RepresentativeSimulator::Options options;
    options.url = QUrl(parser.value(url));
    options.representatives = std::clamp(parser.value(reps).toInt(), 1, 5000);
    options.firstRepresentative = std::max(1, parser.value(first).toInt());
    options.messagesPerSecond = std::clamp(parser.value(rate).toDouble(), 0.01, 100000.0);
    options.maxMessages = std::clamp(parser.value(count).toInt(), 0, 10000000);
    options.maxSeconds = std::clamp(parser.value(seconds).toInt(), 1, 7 * 24 * 3600);
    options.voiceShare = std::clamp(parser.value(voice).toDouble(), 0.0, 1.0);
    options.password = parser.value(password);
    for (const QString &id : parser.values(department))
        options.departments << id.toLongLong();

    const auto clips = options.voiceShare > 0 ? makeClips(3) : QList<SpeechSynthesizer::Clip>{};
    RepresentativeSimulator simulator(options, clips);
    QObject::connect(&simulator, &RepresentativeSimulator::progress,
                     [](const QString &line) { std::fprintf(stderr, "%s\n", qPrintable(line)); });
    QObject::connect(&simulator, &RepresentativeSimulator::finished, &app, [&] {
        const auto &s = simulator.stats();
        std::printf("representatives signed in: %d, consultations opened: %d, texts acknowledged: "
                    "%d, voice acknowledged: %d, interrupted by a lost connection: %d, "
                    "failures: %d\n",
                    s.signedIn, s.consultations, s.textsAcknowledged, s.voicesAcknowledged,
                    s.interrupted, s.failures);
        QTimer::singleShot(200, &app, [&app, &s] { app.exit(s.failures > 0 ? 1 : 0); });
    });
    simulator.start();
    return app.exec();
}
