// Voice playback and recording through a real PulseAudio server (null sink, pipe source): what
// the officer hears is recorded from the sink's monitor with parec and measured.
#include "PulseTools.h"
#include "ToneAnalysis.h"
#include "app/audio/OggOpusDecoder.h"
#include "app/audio/Waveform.h"
#include "app/voice/AudioDevices.h"
#include "app/voice/VoicePlayer.h"
#include "app/voice/VoiceRecorder.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace PulseTools;

class TestVoicePlayback : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void playsToneAtSpeed_data();
    void playsToneAtSpeed();
    void pauseAndSeek();
    void damagedClipFailsAloneAndNextOnePlays();
    void noOutputDeviceIsReported();
    void outputDeviceRemovedWhilePlaying();
    void lastOutputDeviceRemovedWhilePlaying();
    void headsetPluggedInIsUsedAtOnce();
    void recordsFromPipeSource();
    void recordingStopsAtMaximum();
    void noMicrophoneIsReported();

private:
    QString toneClip(double seconds, int frequency);
    QAudioDevice microphone();
    void speak(double seconds, int frequency);
    QString m_micFifo;
    QProcess m_speaker;
    QTemporaryDir m_dir;
    QAudioDevice m_sink;
};

void TestVoicePlayback::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QTRY_VERIFY_WITH_TIMEOUT(!(m_sink = output("testsink")).isNull(), 5000);
}

QString TestVoicePlayback::toneClip(double seconds, int frequency)
{
    const QString path =
        m_dir.filePath(QStringLiteral("tone-%1-%2.opus").arg(seconds).arg(frequency));
    if (!QFile::exists(path) && !makeToneClip(path, seconds, frequency))
        return {};
    return path;
}

void TestVoicePlayback::playsToneAtSpeed_data()
{
    QTest::addColumn<double>("speed");
    QTest::newRow("1x") << 1.0;
    QTest::newRow("1.5x") << 1.5;
    QTest::newRow("2x") << 2.0;
}

// The tone comes out of the chosen device, lasts length/speed, and keeps its pitch.
void TestVoicePlayback::playsToneAtSpeed()
{
    QFETCH(double, speed);
    const QString clip = toneClip(3.0, 440);
    QVERIFY(!clip.isEmpty());
    VoicePlayer player;
    player.setOutputDevice(m_sink);
    player.setSpeed(speed);
    QSignalSpy finished(&player, &VoicePlayer::finished);
    QSignalSpy failed(&player, &VoicePlayer::failed);

    MonitorRecording monitor;
    QTest::qWait(300);
    player.play(7, clip);
    QVERIFY2(finished.wait(8000),
             qPrintable(failed.isEmpty() ? QString() : failed.first().at(1).toString()));
    QCOMPARE(finished.first().first().toLongLong(), 7);
    QTest::qWait(300);
    const auto tone = ToneAnalysis::analyse(ToneAnalysis::fromRaw(monitor.stop()), 48000);

    const double expected = 3.0 / speed;
    QVERIFY2(
        std::abs(tone.seconds - expected) < 0.15,
        qPrintable(QStringLiteral("heard %1 s, expected %2 s").arg(tone.seconds).arg(expected)));
    QVERIFY2(std::abs(tone.frequency - 440) < 12,
             qPrintable(QStringLiteral("heard %1 Hz").arg(tone.frequency)));
    QVERIFY2(tone.rms > 0.25 && tone.rms < 0.45, qPrintable(QString::number(tone.rms)));
    QCOMPARE(player.state(), VoicePlayer::State::Idle);
}

void TestVoicePlayback::pauseAndSeek()
{
    const QString clip = toneClip(3.0, 440);
    VoicePlayer player;
    player.setOutputDevice(m_sink);
    QSignalSpy finished(&player, &VoicePlayer::finished);
    player.play(1, clip);
    QTRY_COMPARE(player.state(), VoicePlayer::State::Playing);
    QCOMPARE(player.durationMs(), 3000);
    QTest::qWait(300);
    player.pause();
    QCOMPARE(player.state(), VoicePlayer::State::Paused);
    const qint64 pausedAt = player.positionMs();
    // The position is what the audio server has taken, which it takes in bursts at first (a
    // slow sanitizer build saw 140 ms after 300 ms): somewhere in the first half of the clip.
    QVERIFY2(pausedAt > 0 && pausedAt <= 1500, qPrintable(QString::number(pausedAt)));
    QTest::qWait(300);
    QCOMPARE(player.positionMs(), pausedAt); // nothing moves while paused

    player.seek(0.9);
    QVERIFY(std::abs(player.positionMs() - 2700) <= 20);
    MonitorRecording monitor;
    QTest::qWait(200);
    player.resume();
    QVERIFY(finished.wait(3000));
    QTest::qWait(300);
    const auto tone = ToneAnalysis::analyse(ToneAnalysis::fromRaw(monitor.stop()), 48000);
    // Only the last 0.3 s were left (plus what the sink held when it was paused).
    QVERIFY2(tone.seconds > 0.2 && tone.seconds < 0.6, qPrintable(QString::number(tone.seconds)));
}

void TestVoicePlayback::damagedClipFailsAloneAndNextOnePlays()
{
    QFile good(toneClip(1.0, 440));
    QVERIFY(good.open(QIODevice::ReadOnly));
    const QByteArray bytes = good.readAll();
    VoicePlayer player;
    player.setOutputDevice(m_sink);
    QSignalSpy failed(&player, &VoicePlayer::failed);
    QSignalSpy finished(&player, &VoicePlayer::finished);

    player.playBytes(1, bytes.left(bytes.size() * 2 / 3));
    QVERIFY(failed.wait(3000));
    QCOMPARE(failed.last().at(0).toLongLong(), 1);
    QVERIFY(failed.last().at(1).toString().contains(QStringLiteral("incomplete")));

    QByteArray flipped = bytes;
    flipped[flipped.size() / 2] = char(flipped.at(flipped.size() / 2) ^ 0x55);
    player.playBytes(2, flipped);
    QVERIFY(failed.wait(3000));
    QVERIFY(failed.last().at(1).toString().contains(QStringLiteral("damaged")));

    player.playBytes(3, QByteArray("RIFF\0\0\0\0WAVEfmt ", 16));
    QVERIFY(failed.wait(3000));
    QVERIFY(failed.last().at(1).toString().contains(QStringLiteral("format")));

    player.playBytes(4, bytes);
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.last().at(0).toLongLong(), 4);
    QCOMPARE(failed.size(), 3);
}

void TestVoicePlayback::noOutputDeviceIsReported()
{
    VoicePlayer player;
    player.setOutputDevice(QAudioDevice());
    QSignalSpy failed(&player, &VoicePlayer::failed);
    player.play(5, toneClip(1.0, 440));
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.first().at(1).toString().contains(QStringLiteral("No sound output")));
    QCOMPARE(player.state(), VoicePlayer::State::Idle);
}

QString loadModule(const QStringList &arguments)
{
    bool ok = false;
    const QByteArray index =
        run(QStringLiteral("pactl"), QStringList{QStringLiteral("load-module")} + arguments, &ok);
    return ok ? QString::fromLatin1(index).trimmed() : QString();
}

bool unloadModule(const QString &index)
{
    bool ok = false;
    run(QStringLiteral("pactl"), {QStringLiteral("unload-module"), index}, &ok);
    return ok;
}

// A headset unplugged mid-play while another output remains: PulseAudio moves the stream there
// and the clip plays on to its end.
void TestVoicePlayback::outputDeviceRemovedWhilePlaying()
{
    const QString module =
        loadModule({QStringLiteral("module-null-sink"), QStringLiteral("sink_name=headset")});
    QVERIFY(!module.isEmpty());
    QAudioDevice headset;
    QTRY_VERIFY_WITH_TIMEOUT(!(headset = output("headset")).isNull(), 5000);
    VoicePlayer player;
    player.setOutputDevice(headset);
    QSignalSpy failed(&player, &VoicePlayer::failed);
    QSignalSpy finished(&player, &VoicePlayer::finished);
    MonitorRecording monitor; // the remaining output
    player.play(9, toneClip(3.0, 440));
    QTRY_COMPARE(player.state(), VoicePlayer::State::Playing);
    QTest::qWait(500);
    QVERIFY(unloadModule(module));
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 5000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
    QTest::qWait(200);
    QCOMPARE(failed.size(), 0);
    const auto tone = ToneAnalysis::analyse(ToneAnalysis::fromRaw(monitor.stop()), 48000);
    QVERIFY2(tone.seconds > 1.5 && tone.seconds < 3.1, qPrintable(QString::number(tone.seconds)));
}

// The only output removed mid-play: the clip stops with a message on it, nothing crashes, and
// once an output is back the next clip plays.
void TestVoicePlayback::lastOutputDeviceRemovedWhilePlaying()
{
    VoicePlayer player;
    player.setOutputDevice(m_sink);
    QSignalSpy failed(&player, &VoicePlayer::failed);
    QSignalSpy finished(&player, &VoicePlayer::finished);
    player.play(11, toneClip(3.0, 440));
    QTRY_COMPARE(player.state(), VoicePlayer::State::Playing);
    QTest::qWait(300);
    const QString modules = QString::fromLatin1(
        run(QStringLiteral("pactl"),
            {QStringLiteral("list"), QStringLiteral("short"), QStringLiteral("modules")}));
    QString index;
    for (const QString &line : modules.split(u'\n')) {
        if (line.contains(QStringLiteral("sink_name=testsink")))
            index = line.section(u'\t', 0, 0);
    }
    QVERIFY(unloadModule(index));
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().at(0).toLongLong(), 11);
    QVERIFY(failed.first().at(1).toString().contains(QStringLiteral("output")));
    QCOMPARE(finished.size(), 0);
    QCOMPARE(player.state(), VoicePlayer::State::Idle);

    QVERIFY(!loadModule({QStringLiteral("module-null-sink"), QStringLiteral("sink_name=testsink")})
                 .isEmpty());
    run(QStringLiteral("pactl"), {QStringLiteral("set-default-sink"), QStringLiteral("testsink")});
    QTRY_VERIFY_WITH_TIMEOUT(!(m_sink = output("testsink")).isNull(), 5000);
    player.setOutputDevice(m_sink);
    player.play(12, toneClip(1.0, 440));
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || failed.size() > 1, 5000);
    QVERIFY2(failed.size() == 1, qPrintable(failed.last().value(1).toString()));
}

// A shared desk (the kiosk): a headset plugged in, output and microphone, becomes the one used
// at once, and the default again when it is pulled out. A workstation keeps its choice.
void TestVoicePlayback::headsetPluggedInIsUsedAtOnce()
{
    AudioDevices desk;
    desk.setNewDeviceFirst(true);
    desk.setPreferred({}, {});
    AudioDevices workstation;
    workstation.setPreferred({}, {});
    const QAudioDevice before = desk.output();
    QCOMPARE(workstation.output(), before);

    QElapsedTimer plugged;
    plugged.start();
    const QString sink =
        loadModule({QStringLiteral("module-null-sink"), QStringLiteral("sink_name=usb_headset"),
                    QStringLiteral("sink_properties=device.description=Headset")});
    const QString source = loadModule(
        {QStringLiteral("module-null-source"), QStringLiteral("source_name=usb_headset_mic")});
    QVERIFY(!sink.isEmpty() && !source.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(desk.output().id(), QByteArray("usb_headset"), 5000);
    qInfo("headset output in use %lld ms after it was plugged in", plugged.elapsed());
    QTRY_COMPARE_WITH_TIMEOUT(desk.input().id(), QByteArray("usb_headset_mic"), 5000);
    QCOMPARE(workstation.output(), before);

    QVERIFY(unloadModule(source));
    QVERIFY(unloadModule(sink));
    QTRY_COMPARE_WITH_TIMEOUT(desk.output().id(), before.id(), 5000);
}

// A microphone the test speaks into: a pipe source (made once), fed by sox. The pipe source is
// not clocked (it passes on what is written as fast as it comes), so each call writes exactly
// the tone it wants recorded.
QAudioDevice TestVoicePlayback::microphone()
{
    if (m_micFifo.isEmpty()) {
        m_micFifo = m_dir.filePath(QStringLiteral("mic.fifo"));
        if (loadModule({QStringLiteral("module-pipe-source"), QStringLiteral("source_name=testmic"),
                        QStringLiteral("file=") + m_micFifo, QStringLiteral("format=s16le"),
                        QStringLiteral("rate=48000"), QStringLiteral("channels=1")})
                .isEmpty())
            return {};
    }
    QAudioDevice mic;
    if (!QTest::qWaitFor([&mic] { return !(mic = input("testmic")).isNull(); }, 5000))
        qWarning("the pipe source did not appear");
    return mic;
}

void TestVoicePlayback::speak(double seconds, int frequency)
{
    m_speaker.start(QStringLiteral("sox"),
                    {QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("48000"),
                     QStringLiteral("-c"), QStringLiteral("1"), QStringLiteral("-b"),
                     QStringLiteral("16"), QStringLiteral("-e"), QStringLiteral("signed"),
                     QStringLiteral("-t"), QStringLiteral("raw"), m_micFifo,
                     QStringLiteral("synth"), QString::number(seconds), QStringLiteral("sine"),
                     QString::number(frequency), QStringLiteral("vol"), QStringLiteral("0.5")});
    m_speaker.waitForStarted();
}

void TestVoicePlayback::recordsFromPipeSource()
{
    const QAudioDevice mic = microphone();
    QVERIFY(!mic.isNull());
    VoiceRecorder recorder;
    QSignalSpy finished(&recorder, &VoiceRecorder::finished);
    QSignalSpy levels(&recorder, &VoiceRecorder::levelChanged);
    QVERIFY(recorder.start(mic));
    speak(2.0, 1000);
    QVERIFY(m_speaker.waitForFinished(10000));
    QTRY_VERIFY_WITH_TIMEOUT(recorder.elapsedMs() >= 2000, 5000);
    recorder.stop();
    QCOMPARE(finished.size(), 1);
    const auto clip = finished.first().first().value<RecordedClip>();
    QVERIFY2(clip.durationMs >= 2000 && clip.durationMs < 2300,
             qPrintable(QString::number(clip.durationMs)));
    QVERIFY(!levels.isEmpty());
    QVERIFY(std::any_of(levels.cbegin(), levels.cend(), [](const QList<QVariant> &level) {
        return level.first().toFloat() > 0.4f;
    }));

    // opusinfo and opusdec (opus-tools) accept the file.
    const QString path = m_dir.filePath(QStringLiteral("recorded.opus"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(clip.oggOpus);
    out.close();
    bool ok = false;
    run(QStringLiteral("opusinfo"), {path}, &ok);
    QVERIFY(ok);
    run(QStringLiteral("opusdec"), {QStringLiteral("--quiet"), path, path + QStringLiteral(".wav")},
        &ok);
    QVERIFY(ok);

    // The clip holds the signal: a 1 kHz tone at half of full scale, for 2 s.
    const auto decoded = decodeOggOpus(clip.oggOpus);
    QVERIFY(decoded.hasValue());
    const auto tone = ToneAnalysis::analyse(decoded->samples, 48000);
    QVERIFY2(std::abs(tone.frequency - 1000) < 15, qPrintable(QString::number(tone.frequency)));
    QVERIFY2(tone.rms > 0.3 && tone.rms < 0.42, qPrintable(QString::number(tone.rms)));
    QVERIFY2(std::abs(tone.seconds - 2.0) < 0.1, qPrintable(QString::number(tone.seconds)));
    // The waveform gathered while recording: the tone is loud from start to end.
    const QVector<quint8> waveform = unpackWaveform5bit(clip.waveform);
    QCOMPARE(waveform.size(), 100);
    const int loud = int(std::count_if(waveform.cbegin(), waveform.cend(),
                                       [](quint8 level) { return level >= 28; }));
    QVERIFY2(loud >= 85, qPrintable(QString::number(loud)));
}

void TestVoicePlayback::recordingStopsAtMaximum()
{
    const QAudioDevice mic = microphone();
    QVERIFY(!mic.isNull());
    VoiceRecorder recorder;
    recorder.setMaxDurationMs(800);
    QSignalSpy finished(&recorder, &VoiceRecorder::finished);
    QVERIFY(recorder.start(mic));
    speak(1.5, 500);
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().first().value<RecordedClip>().durationMs, 800);
    QVERIFY(!recorder.isRecording());
    m_speaker.kill(); // nobody reads the rest
    m_speaker.waitForFinished();
}

void TestVoicePlayback::noMicrophoneIsReported()
{
    VoiceRecorder recorder;
    QSignalSpy failed(&recorder, &VoiceRecorder::failed);
    QVERIFY(!recorder.start(QAudioDevice()));
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("microphone")));
}

QTEST_MAIN(TestVoicePlayback)
#include "tst_voiceplayback.moc"
