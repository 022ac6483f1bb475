#include "SpeechSynthesizer.h"

#include "app/audio/OggOpusEncoder.h"
#include "app/audio/Waveform.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace SpeechSynthesizer {

namespace {
bool run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    return process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit &&
           process.exitCode() == 0;
}
} // namespace

Expected<Clip, QString> speak(const QString &text, const QString &voice)
{
    if (QStandardPaths::findExecutable(QStringLiteral("espeak-ng")).isEmpty() ||
        QStandardPaths::findExecutable(QStringLiteral("sox")).isEmpty())
        return QStringLiteral("espeak-ng and sox are needed for voice messages");
    // Through files rather than pipes: nothing can stall on a full pipe buffer.
    QTemporaryDir dir;
    const QString wav = dir.filePath(QStringLiteral("speech.wav"));
    const QString raw = dir.filePath(QStringLiteral("speech.raw"));
    if (!run(QStringLiteral("espeak-ng"),
             {QStringLiteral("-v"), voice, QStringLiteral("-s"), QStringLiteral("150"),
              QStringLiteral("-w"), wav, text}) ||
        !run(QStringLiteral("sox"),
             {wav, QStringLiteral("-t"), QStringLiteral("raw"), QStringLiteral("-r"),
              QStringLiteral("48000"), QStringLiteral("-e"), QStringLiteral("signed"),
              QStringLiteral("-b"), QStringLiteral("16"), QStringLiteral("-c"), QStringLiteral("1"),
              raw}))
        return QStringLiteral("speech synthesis failed");
    QFile file(raw);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("speech synthesis produced no audio");
    const QByteArray bytes = file.readAll();
    QVector<qint16> pcm(bytes.size() / 2);
    memcpy(pcm.data(), bytes.constData(), static_cast<size_t>(pcm.size()) * 2);
    if (pcm.isEmpty())
        return QStringLiteral("speech synthesis produced no audio");

    auto encoded = encodeOggOpus(pcm, 48000);
    if (!encoded)
        return encoded.error();
    Clip clip;
    clip.oggOpus = encoded.value();
    clip.durationMs = pcm.size() / 48;
    clip.waveformBase64 = QString::fromLatin1(
        packWaveform5bit(computeWaveform(pcm.constData(), pcm.size())).toBase64());
    return clip;
}

} // namespace SpeechSynthesizer
