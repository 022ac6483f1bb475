#include "app/audio/OggOpusDecoder.h"
#include "app/audio/OggOpusEncoder.h"
#include "app/audio/Waveform.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <memory>

namespace {

constexpr int Rate = 48000;
constexpr double Pi = 3.14159265358979323846;

QVector<qint16> sine(double frequency, double seconds, double amplitude, int rate = Rate)
{
    const auto count = static_cast<qsizetype>(seconds * rate);
    QVector<qint16> samples(count);
    for (qsizetype i = 0; i < count; ++i)
        samples[i] = static_cast<qint16>(
            std::lround(amplitude * 32767.0 * std::sin(2.0 * Pi * frequency * double(i) / rate)));
    return samples;
}

// RMS in the [-1, 1] full-scale units sox reports.
double rms(const QVector<qint16> &samples, qsizetype begin = 0, qsizetype end = -1)
{
    if (end < 0)
        end = samples.size();
    double sum = 0;
    for (qsizetype i = begin; i < end; ++i)
        sum += double(samples[i]) * samples[i];
    return std::sqrt(sum / double(end - begin)) / 32768.0;
}

// Dominant frequency of a clean tone from its sign changes (two per period). Only the middle
// of the clip is used, away from codec start-up and padding.
double zeroCrossingFrequency(const QVector<qint16> &samples, int rate)
{
    const qsizetype begin = samples.size() / 4;
    const qsizetype end = samples.size() * 3 / 4;
    int crossings = 0;
    for (qsizetype i = begin + 1; i < end; ++i) {
        if ((samples[i - 1] < 0) != (samples[i] < 0))
            ++crossings;
    }
    return crossings / 2.0 / (double(end - begin) / rate);
}

bool haveTools(const QStringList &tools, QString *missing)
{
    for (const QString &tool : tools) {
        if (QStandardPaths::findExecutable(tool).isEmpty()) {
            *missing = tool;
            return false;
        }
    }
    return true;
}

struct ToolRun
{
    bool finished = false;
    int exitCode = -1;
    QString out;
    QString err;
};

ToolRun runTool(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    ToolRun run;
    run.finished = process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

double captureNumber(const QString &text, const QString &pattern)
{
    const QRegularExpressionMatch match = QRegularExpression(pattern).match(text);
    if (!match.hasMatch())
        return std::nan("");
    return match.captured(1).toDouble();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void appendLe(QByteArray &out, quint32 value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.append(static_cast<char>((value >> (8 * i)) & 0xff));
}

// A canonical 16-bit PCM WAV file, built by hand so the "not Ogg" case needs no tools.
QByteArray makeWav(const QVector<qint16> &samples, int rate)
{
    const auto dataBytes = static_cast<quint32>(samples.size() * 2);
    QByteArray wav("RIFF");
    appendLe(wav, 36 + dataBytes, 4);
    wav.append("WAVEfmt ");
    appendLe(wav, 16, 4);
    appendLe(wav, 1, 2); // PCM
    appendLe(wav, 1, 2); // mono
    appendLe(wav, static_cast<quint32>(rate), 4);
    appendLe(wav, static_cast<quint32>(rate * 2), 4);
    appendLe(wav, 2, 2);
    appendLe(wav, 16, 2);
    wav.append("data");
    appendLe(wav, dataBytes, 4);
    for (qint16 sample : samples)
        appendLe(wav, static_cast<quint16>(sample), 2);
    return wav;
}

QByteArray validClip(double seconds = 2.0)
{
    auto encoded = encodeOggOpus(sine(440, seconds, 0.5), Rate);
    return encoded.hasValue() ? encoded.value() : QByteArray();
}

// The demo clips live in the source tree; ctest exports CONSULT_SOURCE_DIR, and a direct run
// falls back to this file's location.
QString demoVoiceDir()
{
    const QString relative = QStringLiteral("server/demo/voice");
    const QString fromEnv = qEnvironmentVariable("CONSULT_SOURCE_DIR");
    if (!fromEnv.isEmpty() && QFileInfo::exists(QDir(fromEnv).filePath(relative)))
        return QDir(fromEnv).filePath(relative);
    const QDir here = QFileInfo(QString::fromUtf8(__FILE__)).absoluteDir();
    return QDir::cleanPath(here.filePath(QStringLiteral("../../") + relative));
}

struct PageSpan
{
    qsizetype offset;
    qsizetype length;
};

// Page boundaries of a well-formed Ogg file, per RFC 3533 (header is 27 bytes plus one lacing
// byte per segment; the segments follow).
QVector<PageSpan> oggPages(const QByteArray &bytes)
{
    QVector<PageSpan> pages;
    qsizetype pos = 0;
    while (pos + 27 <= bytes.size() && bytes.mid(pos, 4) == "OggS") {
        const int segments = quint8(bytes[pos + 26]);
        if (pos + 27 + segments > bytes.size())
            break;
        qsizetype length = 27 + segments;
        for (int i = 0; i < segments; ++i)
            length += quint8(bytes[pos + 27 + i]);
        if (pos + length > bytes.size())
            break;
        pages.append({pos, length});
        pos += length;
    }
    return pages;
}

// Bit-by-bit Ogg CRC (polynomial 0x04c11db7, MSB first, CRC field taken as zero), written
// independently of the library's table-driven one.
quint32 oggCrc(const QByteArray &page)
{
    quint32 crc = 0;
    for (qsizetype i = 0; i < page.size(); ++i) {
        const quint8 byte = (i >= 22 && i < 26) ? 0 : quint8(page[i]);
        crc ^= quint32(byte) << 24;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 0x80000000u) ? (crc << 1) ^ 0x04c11db7u : crc << 1;
    }
    return crc;
}

// Recomputes every page CRC so mutations get past the container check and reach opusfile,
// as a deliberately crafted upload would.
void resealOggPages(QByteArray &bytes)
{
    for (const PageSpan &page : oggPages(bytes)) {
        const quint32 crc = oggCrc(bytes.mid(page.offset, page.length));
        for (int i = 0; i < 4; ++i)
            bytes[page.offset + 22 + i] = static_cast<char>((crc >> (8 * i)) & 0xff);
    }
}

const char *kindName(AudioError::Kind kind)
{
    switch (kind) {
    case AudioError::Kind::NotOggOpus:
        return "NotOggOpus";
    case AudioError::Kind::Corrupt:
        return "Corrupt";
    case AudioError::Kind::Truncated:
        return "Truncated";
    case AudioError::Kind::TooLong:
        return "TooLong";
    }
    return "?";
}

} // namespace

class TestAudio : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encoderOutputAcceptedByOpusTools();
    void encoderRejectsBadSettings();
    void encoderLifecycle();
    void encoderBitrateGivesVoiceSizedFiles();
    void encoderResamplesOtherInputRates();
    void decodesClipFromOpusenc();
    void downmixesStereoClip();
    void roundTripPreservesToneAndLength();
    void badInputIsRejected_data();
    void badInputIsRejected();
    void probeRejectsBadContainers();
    void tooLongClipIsRejected();
    void missingMiddlePageIsCorrupt();
    void mutatedClipsNeverCrash();
    void resealedMutationsNeverCrash();

    void demoClipsDecode();

    void waveformPackRoundTrip();
    void waveformPackedSize();
    void waveformBitLayout();
    void waveformClampsLevels();
    void waveformFollowsLoudness();
    void waveformOfSilenceIsZero();
    void waveformNormalisesQuietClips();
    void waveformShortInputStaysInBounds();
};

void TestAudio::encoderOutputAcceptedByOpusTools()
{
    QString missing;
    if (!haveTools({QStringLiteral("opusinfo"), QStringLiteral("opusdec"), QStringLiteral("sox")},
                   &missing))
        QSKIP(qPrintable(missing + QStringLiteral(" not installed")));

    const QVector<qint16> input = sine(440, 1.0, 0.5);
    OggOpusEncoder encoder;
    QVERIFY(encoder.isValid());
    QVERIFY(encoder.write(input.constData(), int(input.size())));
    const auto encoded = encoder.finish();
    QVERIFY2(encoded.hasValue(), qPrintable(encoded.hasValue() ? QString() : encoded.error()));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString opusPath = dir.filePath(QStringLiteral("in.opus"));
    const QString wavPath = dir.filePath(QStringLiteral("out.wav"));
    QVERIFY(writeFile(opusPath, encoded.value()));

    const ToolRun info = runTool(QStringLiteral("opusinfo"), {opusPath});
    QVERIFY(info.finished);
    QCOMPARE(info.exitCode, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("Channels:\\s*1\\b")).match(info.out).hasMatch(),
             qPrintable(info.out));

    const ToolRun dec =
        runTool(QStringLiteral("opusdec"),
                {QStringLiteral("--rate"), QStringLiteral("48000"), opusPath, wavPath});
    QVERIFY(dec.finished);
    QCOMPARE(dec.exitCode, 0);

    const ToolRun stat =
        runTool(QStringLiteral("sox"), {wavPath, QStringLiteral("-n"), QStringLiteral("stat")});
    QVERIFY(stat.finished);
    QCOMPARE(stat.exitCode, 0);
    const double frequency =
        captureNumber(stat.err, QStringLiteral("Rough\\s+frequency:\\s*(-?[0-9.]+)"));
    const double outRms = captureNumber(stat.err, QStringLiteral("RMS\\s+amplitude:\\s*([0-9.]+)"));
    QVERIFY2(!std::isnan(frequency) && !std::isnan(outRms), qPrintable(stat.err));
    QVERIFY2(std::abs(frequency - 440.0) <= 10.0, qPrintable(QString::number(frequency)));
    const double inRms = rms(input);
    QVERIFY2(std::abs(outRms - inRms) <= 0.2 * inRms,
             qPrintable(QStringLiteral("in %1 out %2").arg(inRms).arg(outRms)));
}

void TestAudio::encoderRejectsBadSettings()
{
    OggOpusEncoder badRate(0);
    QVERIFY(!badRate.isValid());
    QVERIFY(!badRate.errorString().isEmpty());
    QVERIFY(!badRate.finish().hasValue());

    OggOpusEncoder badBitrate(48000, 100);
    QVERIFY(!badBitrate.isValid());
    QVERIFY(!badBitrate.errorString().isEmpty());
    const qint16 sample = 0;
    QVERIFY(!badBitrate.write(&sample, 1));

    QVERIFY(!encodeOggOpus(sine(440, 0.1, 0.5), -5).hasValue());
}

void TestAudio::encoderLifecycle()
{
    OggOpusEncoder encoder;
    QVERIFY(encoder.isValid());
    QVERIFY(encoder.write(nullptr, 0));
    QVERIFY(!encoder.write(nullptr, 10));
    const QVector<qint16> tone = sine(440, 0.5, 0.5);
    QVERIFY(!encoder.write(tone.constData(), -1));

    // A moved-to encoder keeps writing into the same stream.
    QVERIFY(encoder.write(tone.constData(), int(tone.size())));
    OggOpusEncoder moved(std::move(encoder));
    QVERIFY(moved.isValid());
    QVERIFY(moved.write(tone.constData(), int(tone.size())));
    const auto bytes = moved.finish();
    QVERIFY(bytes.hasValue());
    QVERIFY(bytes.value().startsWith("OggS"));

    QVERIFY(!moved.isValid());
    QVERIFY(!moved.write(tone.constData(), int(tone.size())));
    QVERIFY(!moved.finish().hasValue());
    QVERIFY(!moved.errorString().isEmpty());

    const auto duration = probeOggOpusDurationMs(bytes.value());
    QVERIFY(duration.hasValue());
    QVERIFY2(std::abs(duration.value() - 1000) <= 5, qPrintable(QString::number(duration.value())));

    // An encoder with no samples still produces a playable (empty) file.
    const auto empty = OggOpusEncoder().finish();
    QVERIFY(empty.hasValue());
    const auto emptyDuration = probeOggOpusDurationMs(empty.value());
    QVERIFY(emptyDuration.hasValue());
    QCOMPARE(emptyDuration.value(), qint64(0));
}

void TestAudio::encoderBitrateGivesVoiceSizedFiles()
{
    // Broadband noise makes VBR spend its full budget, unlike a pure tone.
    QRandomGenerator rng(42);
    QVector<qint16> noise(Rate * 10);
    for (qint16 &sample : noise)
        sample = static_cast<qint16>(rng.bounded(-8000, 8000));

    const auto encoded = encodeOggOpus(noise, Rate);
    QVERIFY(encoded.hasValue());
    const double bytesPerSecond = encoded.value().size() / 10.0;
    // 24 kbit/s is 3000 bytes per second (~180 KB per minute).
    QVERIFY2(bytesPerSecond > 2000 && bytesPerSecond < 4000,
             qPrintable(QString::number(bytesPerSecond)));

    const auto richer = encodeOggOpus(noise, Rate, 64000);
    QVERIFY(richer.hasValue());
    QVERIFY(richer.value().size() > encoded.value().size() * 2);
}

void TestAudio::encoderResamplesOtherInputRates()
{
    const QVector<qint16> input = sine(440, 1.0, 0.5, 16000);
    const auto encoded = encodeOggOpus(input, 16000);
    QVERIFY(encoded.hasValue());
    const auto decoded = decodeOggOpus(encoded.value());
    QVERIFY2(decoded.hasValue(),
             qPrintable(decoded.hasValue() ? QString() : decoded.error().message));
    QCOMPARE(decoded.value().sampleRate, 48000);
    QVERIFY(std::abs(decoded.value().durationMs - 1000) <= 5);
    const double frequency = zeroCrossingFrequency(decoded.value().samples, Rate);
    QVERIFY2(std::abs(frequency - 440) <= 5, qPrintable(QString::number(frequency)));
}

void TestAudio::decodesClipFromOpusenc()
{
    QString missing;
    if (!haveTools({QStringLiteral("sox"), QStringLiteral("opusenc")}, &missing))
        QSKIP(qPrintable(missing + QStringLiteral(" not installed")));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString wavPath = dir.filePath(QStringLiteral("tone.wav"));
    const QString opusPath = dir.filePath(QStringLiteral("tone.opus"));
    const ToolRun synth =
        runTool(QStringLiteral("sox"),
                {QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("48000"),
                 QStringLiteral("-c"), QStringLiteral("1"), QStringLiteral("-b"),
                 QStringLiteral("16"), wavPath, QStringLiteral("synth"), QStringLiteral("2"),
                 QStringLiteral("sine"), QStringLiteral("300")});
    QVERIFY(synth.finished);
    QCOMPARE(synth.exitCode, 0);
    const ToolRun enc = runTool(QStringLiteral("opusenc"), {wavPath, opusPath});
    QVERIFY(enc.finished);
    QCOMPARE(enc.exitCode, 0);

    const QByteArray bytes = readFile(opusPath);
    QVERIFY(!bytes.isEmpty());

    const auto probed = probeOggOpusDurationMs(bytes);
    QVERIFY2(probed.hasValue(), qPrintable(probed.hasValue() ? QString() : probed.error().message));
    QVERIFY2(std::abs(probed.value() - 2000) <= 40, qPrintable(QString::number(probed.value())));

    const auto decoded = decodeOggOpus(bytes);
    QVERIFY2(decoded.hasValue(),
             qPrintable(decoded.hasValue() ? QString() : decoded.error().message));
    const DecodedAudio &audio = decoded.value();
    QCOMPARE(audio.sampleRate, 48000);
    QVERIFY2(std::abs(audio.durationMs - 2000) <= 40,
             qPrintable(QString::number(audio.durationMs)));
    QVERIFY(std::abs(audio.samples.size() - 2 * Rate) <= 40 * 48);
    const double frequency = zeroCrossingFrequency(audio.samples, audio.sampleRate);
    QVERIFY2(std::abs(frequency - 300) <= 5, qPrintable(QString::number(frequency)));
}

void TestAudio::downmixesStereoClip()
{
    QString missing;
    if (!haveTools({QStringLiteral("sox"), QStringLiteral("opusenc")}, &missing))
        QSKIP(qPrintable(missing + QStringLiteral(" not installed")));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString wavPath = dir.filePath(QStringLiteral("stereo.wav"));
    const QString opusPath = dir.filePath(QStringLiteral("stereo.opus"));
    // The same 300 Hz tone on the left and silence on the right: the mono mix keeps the tone
    // at half amplitude.
    const ToolRun synth = runTool(
        QStringLiteral("sox"),
        {QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("48000"), QStringLiteral("-c"),
         QStringLiteral("2"), QStringLiteral("-b"), QStringLiteral("16"), wavPath,
         QStringLiteral("synth"), QStringLiteral("1"), QStringLiteral("sine"),
         QStringLiteral("300"), QStringLiteral("remix"), QStringLiteral("1"), QStringLiteral("0"),
         QStringLiteral("vol"), QStringLiteral("0.5")});
    QVERIFY(synth.finished);
    QCOMPARE(synth.exitCode, 0);
    const ToolRun enc = runTool(QStringLiteral("opusenc"), {wavPath, opusPath});
    QVERIFY(enc.finished);
    QCOMPARE(enc.exitCode, 0);

    const auto decoded = decodeOggOpus(readFile(opusPath));
    QVERIFY2(decoded.hasValue(),
             qPrintable(decoded.hasValue() ? QString() : decoded.error().message));
    const QVector<qint16> &mono = decoded.value().samples;
    QCOMPARE(mono.size(), qsizetype(Rate));
    const double frequency = zeroCrossingFrequency(mono, Rate);
    QVERIFY2(std::abs(frequency - 300) <= 5, qPrintable(QString::number(frequency)));
    const double expectedRms = 0.5 * 0.5 / std::sqrt(2.0);
    const double outRms = rms(mono, Rate / 4, Rate * 3 / 4);
    QVERIFY2(std::abs(outRms - expectedRms) <= 0.2 * expectedRms,
             qPrintable(QString::number(outRms)));
}

void TestAudio::roundTripPreservesToneAndLength()
{
    const QVector<qint16> input = sine(440, 2.0, 0.5);
    const auto encoded = encodeOggOpus(input, Rate);
    QVERIFY(encoded.hasValue());
    const auto decoded = decodeOggOpus(encoded.value());
    QVERIFY(decoded.hasValue());
    const DecodedAudio &audio = decoded.value();
    QCOMPARE(audio.samples.size(), input.size());
    QCOMPARE(audio.durationMs, qint64(2000));
    const double frequency = zeroCrossingFrequency(audio.samples, Rate);
    QVERIFY2(std::abs(frequency - 440) <= 5, qPrintable(QString::number(frequency)));
    const double inRms = rms(input, Rate / 2, Rate * 3 / 2);
    const double outRms = rms(audio.samples, Rate / 2, Rate * 3 / 2);
    QVERIFY2(std::abs(outRms - inRms) <= 0.2 * inRms,
             qPrintable(QStringLiteral("in %1 out %2").arg(inRms).arg(outRms)));
}

void TestAudio::badInputIsRejected_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("kind");

    const QByteArray clip = validClip();
    QVERIFY(clip.size() > 1000);

    QByteArray random(4096, '\0');
    QRandomGenerator rng(1234);
    for (char &byte : random)
        byte = static_cast<char>(rng.bounded(256));

    QByteArray flipped = clip;
    for (qsizetype i = flipped.size() / 2; i < flipped.size() / 2 + 16; ++i)
        flipped[i] = static_cast<char>(~flipped[i]);

    const int notOpus = int(AudioError::Kind::NotOggOpus);
    QTest::newRow("empty") << QByteArray() << notOpus;
    QTest::newRow("random bytes") << random << notOpus;
    QTest::newRow("wav file") << makeWav(sine(440, 0.5, 0.5), Rate) << notOpus;
    QTest::newRow("ogg magic only") << QByteArray("OggS") << int(AudioError::Kind::Truncated);
    QTest::newRow("first 40%") << clip.left(clip.size() * 4 / 10)
                               << int(AudioError::Kind::Truncated);
    QTest::newRow("bytes flipped mid-file") << flipped << int(AudioError::Kind::Corrupt);
}

void TestAudio::badInputIsRejected()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, kind);

    const auto decoded = decodeOggOpus(bytes);
    QVERIFY(!decoded.hasValue());
    QVERIFY(!decoded.error().message.isEmpty());
    QCOMPARE(kindName(decoded.error().kind), kindName(AudioError::Kind(kind)));
}

void TestAudio::probeRejectsBadContainers()
{
    const QByteArray clip = validClip();
    const auto ok = probeOggOpusDurationMs(clip);
    QVERIFY(ok.hasValue());
    QCOMPARE(ok.value(), qint64(2000));

    const auto empty = probeOggOpusDurationMs(QByteArray());
    QVERIFY(!empty.hasValue());
    QCOMPARE(kindName(empty.error().kind), kindName(AudioError::Kind::NotOggOpus));

    const auto wav = probeOggOpusDurationMs(makeWav(sine(440, 0.5, 0.5), Rate));
    QVERIFY(!wav.hasValue());
    QCOMPARE(kindName(wav.error().kind), kindName(AudioError::Kind::NotOggOpus));

    const auto cut = probeOggOpusDurationMs(clip.left(clip.size() * 4 / 10));
    QVERIFY(!cut.hasValue());
    QCOMPARE(kindName(cut.error().kind), kindName(AudioError::Kind::Truncated));

    // Losing only the final page is still a truncation, even though every remaining page
    // is intact.
    const qsizetype lastPage = clip.lastIndexOf("OggS");
    QVERIFY(lastPage > 0);
    const auto lostTail = probeOggOpusDurationMs(clip.left(lastPage));
    QVERIFY(!lostTail.hasValue());
    QCOMPARE(kindName(lostTail.error().kind), kindName(AudioError::Kind::Truncated));
}

void TestAudio::tooLongClipIsRejected()
{
    const QByteArray clip = validClip();
    const auto decoded = decodeOggOpus(clip, 1000);
    QVERIFY(!decoded.hasValue());
    QCOMPARE(kindName(decoded.error().kind), kindName(AudioError::Kind::TooLong));
    QVERIFY(decodeOggOpus(clip, 2000).hasValue());
}

void TestAudio::missingMiddlePageIsCorrupt()
{
    // Every remaining page is intact, so only the gap in page sequence numbers gives it away.
    const QByteArray clip = validClip(4.0);
    const QVector<PageSpan> pages = oggPages(clip);
    QVERIFY2(pages.size() >= 5, qPrintable(QString::number(pages.size())));
    QCOMPARE(pages.last().offset + pages.last().length, clip.size());

    QByteArray gap = clip;
    gap.remove(pages[3].offset, pages[3].length);
    const auto decoded = decodeOggOpus(gap);
    QVERIFY(!decoded.hasValue());
    QCOMPARE(kindName(decoded.error().kind), kindName(AudioError::Kind::Corrupt));
}

void TestAudio::mutatedClipsNeverCrash()
{
    const QByteArray clip = validClip(1.0);
    QRandomGenerator rng(20240601);
    int rejected = 0;
    for (int round = 0; round < 300; ++round) {
        QByteArray bytes = clip;
        switch (round % 3) {
        case 0:
            bytes.truncate(rng.bounded(int(bytes.size())));
            break;
        case 1:
            for (int i = 0; i < 1 + round % 8; ++i)
                bytes[rng.bounded(int(bytes.size()))] = static_cast<char>(rng.bounded(256));
            break;
        case 2:
            bytes.insert(rng.bounded(int(bytes.size())), QByteArray(1 + round % 64, 'x'));
            break;
        }
        const auto decoded = decodeOggOpus(bytes);
        const auto probed = probeOggOpusDurationMs(bytes);
        if (!decoded.hasValue())
            ++rejected;
        else
            QVERIFY(decoded.value().durationMs <= 1000);
        if (probed.hasValue())
            QVERIFY(probed.value() >= 0 && probed.value() <= 1000);
    }
    // Most mutations must be noticed; a decoder that accepts everything would fail here.
    QVERIFY2(rejected > 150, qPrintable(QString::number(rejected)));
}

void TestAudio::resealedMutationsNeverCrash()
{
    const QByteArray clip = validClip(1.0);
    QRandomGenerator rng(777);
    int accepted = 0;
    for (int round = 0; round < 200; ++round) {
        QByteArray bytes = clip;
        for (int i = 0; i <= round % 6; ++i) {
            const int pos = 4 + rng.bounded(int(bytes.size()) - 4); // keep "OggS" at the start
            bytes[pos] = static_cast<char>(rng.bounded(256));
        }
        resealOggPages(bytes);

        const auto decoded = decodeOggOpus(bytes);
        const auto probed = probeOggOpusDurationMs(bytes);
        if (!decoded.hasValue())
            continue;
        ++accepted;
        // What the server validated with the probe must be what clients get when decoding.
        QVERIFY(probed.hasValue());
        QCOMPARE(probed.value(), decoded.value().durationMs);
        // Durations are rounded to the nearest millisecond (48 samples).
        QCOMPARE(decoded.value().durationMs, qint64((decoded.value().samples.size() + 24) / 48));
    }
    // Opus packets carry no checksum, so most payload mutations still decode.
    QVERIFY(accepted > 0);
}

void TestAudio::demoClipsDecode()
{
    const QDir dir(demoVoiceDir());
    const QByteArray index = readFile(dir.filePath(QStringLiteral("clips.json")));
    QVERIFY2(!index.isEmpty(), qPrintable(dir.path()));
    const QJsonArray clips = QJsonDocument::fromJson(index).array();
    QCOMPARE(clips.size(), 6);

    for (int i = 0; i < clips.size(); ++i) {
        const QJsonObject clip = clips.at(i).toObject();
        const QString file = clip.value(QStringLiteral("file")).toString();
        QCOMPARE(file, QStringLiteral("clip%1.opus").arg(i + 1));
        QVERIFY(!clip.value(QStringLiteral("text")).toString().isEmpty());
        QCOMPARE(clip.value(QStringLiteral("speaker")).toString(),
                 i % 2 == 0 ? QStringLiteral("representative") : QStringLiteral("responder"));

        const QByteArray bytes = readFile(dir.filePath(file));
        // Embedded as Qt resources, so they must stay small.
        QVERIFY2(!bytes.isEmpty() && bytes.size() < 40 * 1024, qPrintable(file));
        const auto probed = probeOggOpusDurationMs(bytes);
        QVERIFY2(probed.hasValue(), qPrintable(file));
        QVERIFY2(probed.value() >= 3000 && probed.value() <= 8000,
                 qPrintable(file + QLatin1Char(' ') + QString::number(probed.value())));
        const auto decoded = decodeOggOpus(bytes);
        QVERIFY2(decoded.hasValue(), qPrintable(file));
        QCOMPARE(decoded.value().durationMs, probed.value());
        const QVector<quint8> levels =
            computeWaveform(decoded.value().samples.constData(), decoded.value().samples.size());
        QCOMPARE(*std::max_element(levels.cbegin(), levels.cend()), quint8(31));
    }
}

void TestAudio::waveformPackRoundTrip()
{
    QRandomGenerator rng(7);
    for (int length : {0, 1, 7, 8, 13, 100, 101, 256}) {
        QVector<quint8> values(length);
        for (quint8 &value : values)
            value = static_cast<quint8>(rng.bounded(32));
        const QByteArray packed = packWaveform5bit(values);
        QCOMPARE(packed.size(), qsizetype((length * 5 + 7) / 8));
        if (length > 0)
            QCOMPARE(unpackWaveform5bit(packed, length), values);
    }
}

void TestAudio::waveformPackedSize()
{
    QCOMPARE(packWaveform5bit(QVector<quint8>(100, 31)).size(), qsizetype(63));
    QCOMPARE(packWaveform5bit(QVector<quint8>(100, 0)).size(), qsizetype(63));
}

void TestAudio::waveformBitLayout()
{
    // Worked by hand from the documented layout: value i at bits [5i, 5i+5), bit k = bit k%8
    // of byte k/8. 1 -> bit 0; 2 -> bit 6; 31 -> bits 10..14; 0 -> nothing; 16 -> bit 24.
    const QByteArray packed = packWaveform5bit({1, 2, 31, 0, 16});
    QCOMPARE(packed, QByteArray::fromHex("417c0001"));
    QCOMPARE(unpackWaveform5bit(packed, 5), (QVector<quint8>{1, 2, 31, 0, 16}));
}

void TestAudio::waveformClampsLevels()
{
    QCOMPARE(unpackWaveform5bit(packWaveform5bit({40, 255, 5}), 3), (QVector<quint8>{31, 31, 5}));
}

void TestAudio::waveformFollowsLoudness()
{
    QVector<qint16> samples(Rate, 0);
    samples += sine(300, 1.0, 0.8);
    const QVector<quint8> levels = computeWaveform(samples.constData(), samples.size());
    QCOMPARE(levels.size(), 100);
    for (int i = 0; i < 50; ++i)
        QVERIFY2(levels[i] <= 1, qPrintable(QString::number(i)));
    for (int i = 50; i < 100; ++i)
        QVERIFY2(levels[i] >= 28, qPrintable(QString::number(i)));

    // A tone that doubles halfway shows two plateaus, the louder one at full scale.
    QVector<qint16> steps = sine(300, 1.0, 0.25);
    steps += sine(300, 1.0, 0.5);
    const QVector<quint8> stepped = computeWaveform(steps.constData(), steps.size(), 10);
    QCOMPARE(stepped.size(), 10);
    QVERIFY(std::abs(int(stepped[2]) - 16) <= 1);
    QCOMPARE(int(stepped[7]), 31);
}

void TestAudio::waveformOfSilenceIsZero()
{
    const QVector<qint16> silence(Rate, 0);
    QCOMPARE(computeWaveform(silence.constData(), silence.size()), QVector<quint8>(100, 0));
    QCOMPARE(computeWaveform(nullptr, 0, 20), QVector<quint8>(20, 0));
    QVERIFY(computeWaveform(silence.constData(), silence.size(), 0).isEmpty());

    // Fewer samples than points still fills every point from the nearest sample.
    const qint16 few[] = {0, -32768, 0};
    const QVector<quint8> sparse = computeWaveform(few, 3, 6);
    QCOMPARE(sparse, (QVector<quint8>{0, 0, 31, 31, 0, 0}));
}

void TestAudio::waveformNormalisesQuietClips()
{
    const QVector<qint16> quiet = sine(300, 1.0, 0.003);
    const QVector<quint8> levels = computeWaveform(quiet.constData(), quiet.size());
    QCOMPARE(*std::max_element(levels.cbegin(), levels.cend()), quint8(31));
}

void TestAudio::waveformShortInputStaysInBounds()
{
    // Exactly-sized heap buffers (no QByteArray slack or terminator) let ASan catch any read
    // past the end.
    for (int size : {0, 1, 10, 62}) {
        auto storage = std::make_unique<char[]>(size_t(size));
        const QByteArray packed = QByteArray::fromRawData(storage.get(), size);
        QVERIFY(unpackWaveform5bit(packed, 100).isEmpty());
    }
    auto storage = std::make_unique<char[]>(63);
    std::fill_n(storage.get(), 63, char(0xff));
    const QByteArray exact = QByteArray::fromRawData(storage.get(), 63);
    QCOMPARE(unpackWaveform5bit(exact, 100), QVector<quint8>(100, 31));
    QVERIFY(unpackWaveform5bit(exact, 0).isEmpty());
    QVERIFY(unpackWaveform5bit(exact, -3).isEmpty());
}

QTEST_GUILESS_MAIN(TestAudio)
#include "tst_audio.moc"
