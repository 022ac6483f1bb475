// Voice figures on one 60 s speech clip (espeak-ng Mandarin, encoded by opusenc at 24 kbit/s):
//   - the client's decode path against opusdec (opus-tools) on the same clip, as a speed ratio;
//   - click to first sample handed to the audio system, for a clip already on disk;
//   - waveform computation for a clip that came without one, per minute of audio.
// Runs under tests/testsupport/with-pulse.sh (a private PulseAudio with a null sink).
#include "PulseTools.h"
#include "app/audio/OggOpusDecoder.h"
#include "app/audio/Waveform.h"
#include "app/voice/DecodedClip.h"
#include "app/voice/VoicePlayer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMediaDevices>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>

namespace {

bool runTool(const QString &program, const QStringList &arguments)
{
    bool ok = false;
    PulseTools::run(program, arguments, &ok);
    return ok;
}

// 60 s of Mandarin speech: espeak-ng, repeated and cut to length by sox, encoded by opusenc.
QString speechClip(const QTemporaryDir &dir)
{
    const QString wav = dir.filePath(QStringLiteral("speech.wav"));
    const QString long60 = dir.filePath(QStringLiteral("speech60.wav"));
    const QString opus = dir.filePath(QStringLiteral("speech60.opus"));
    const QString text = QStringLiteral(
        "您好，关于您提出的社区养老服务设施建设的建议，我们已经会同相关部门进行了认真研究。"
        "目前全市已建成综合为老服务中心，下一步将继续加大投入，完善服务网络。");
    if (!runTool(QStringLiteral("espeak-ng"),
                 {QStringLiteral("-v"), QStringLiteral("cmn"), QStringLiteral("-w"), wav, text}) ||
        !runTool(QStringLiteral("sox"),
                 {wav, QStringLiteral("-r"), QStringLiteral("48000"), QStringLiteral("-c"),
                  QStringLiteral("1"), long60, QStringLiteral("repeat"), QStringLiteral("20"),
                  QStringLiteral("trim"), QStringLiteral("0"), QStringLiteral("60")}) ||
        !runTool(QStringLiteral("opusenc"), {QStringLiteral("--quiet"), QStringLiteral("--bitrate"),
                                             QStringLiteral("24"), long60, opus}))
        return {};
    return opus;
}

template<typename F> double bestOfMs(int runs, F &&f)
{
    double best = 1e12;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        f();
        best = std::min(best, timer.nsecsElapsed() / 1e6);
    }
    return best;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString clip = speechClip(dir);
    if (clip.isEmpty()) {
        std::fprintf(stderr, "could not make the speech clip\n");
        return 1;
    }
    QFile file(clip);
    file.open(QIODevice::ReadOnly);
    const QByteArray bytes = file.readAll();

    // Decode: the client's path (read the file, decode to 48 kHz mono) against opusdec writing
    // 48 kHz WAV to /dev/null, best of 7 each.
    qint64 samples = 0;
    const double ours = bestOfMs(7, [&] {
        QFile in(clip);
        in.open(QIODevice::ReadOnly);
        const auto decoded = decodeOggOpus(in.readAll());
        samples = decoded ? decoded->samples.size() : 0;
    });
    const double opusdec = bestOfMs(7, [&] {
        runTool(QStringLiteral("opusdec"),
                {QStringLiteral("--quiet"), QStringLiteral("--rate"), QStringLiteral("48000"), clip,
                 QStringLiteral("/dev/null")});
    });
    std::printf("voice_decode_60s: %.1f ms (opusdec: %.1f ms; %.2fx faster) (target: >= 2.5x "
                "faster than opusdec)\n",
                ours, opusdec, opusdec / ours);
    std::printf("voice_decode_speed_ratio: %.2f x (target: >= 2.5)\n", opusdec / ours);

    // Waveform for a clip without one: decode and reduce to 100 points, per minute of audio.
    const double minutes = double(samples) / 48000.0 / 60.0;
    const double waveform = bestOfMs(7, [&] {
        const auto decoded = decodeOggOpus(bytes);
        packWaveform5bit(computeWaveform(decoded->samples.constData(), decoded->samples.size()));
    });
    std::printf("voice_waveform: %.1f ms per minute of audio (target: <= 70)\n",
                waveform / minutes);
    // What the console pays for it: a clip that came without a waveform gets one from the
    // decode that plays it (DecodedClip), so only the reduction is extra.
    const auto decoded = decodeOggOpus(bytes);
    const double reduce = bestOfMs(7, [&] {
        packWaveform5bit(computeWaveform(decoded->samples.constData(), decoded->samples.size()));
    });
    std::printf("voice_waveform_from_playback_decode: %.1f ms per minute of audio (target: <= 70; "
                "the decode above is the floor of a waveform decoded for itself)\n",
                reduce / minutes);

    // Click to first sample handed to PulseAudio (its device latency not included), median of 9.
    VoicePlayer player;
    player.setOutputDevice(QMediaDevices::defaultAudioOutput());
    QList<double> clicks;
    for (int i = 0; i < 9; ++i) {
        QSignalSpy audible(&player, &VoicePlayer::audible);
        QElapsedTimer timer;
        timer.start();
        player.play(i + 1, clip);
        if (!audible.wait(5000)) {
            std::fprintf(stderr, "no sound within 5 s\n");
            return 1;
        }
        clicks << timer.nsecsElapsed() / 1e6;
        player.stop();
        QTest::qWait(100);
    }
    std::sort(clicks.begin(), clicks.end());
    std::printf("voice_click_to_audio: %.1f ms (target: <= 50)\n", clicks.at(clicks.size() / 2));
    return 0;
}
