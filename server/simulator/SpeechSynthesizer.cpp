#include "SpeechSynthesizer.h"

#include "OggOpusEncoder.h"
#include "Waveform.h"

#include <QProcess>
#include <QStandardPaths>

namespace SpeechSynthesizer {

Expected<Clip, QString> speak(const QString &text, const QString &voice)
{
    if (QStandardPaths::findExecutable(QStringLiteral("espeak-ng")).isEmpty() ||
        QStandardPaths::findExecutable(QStringLiteral("sox")).isEmpty())
        return QStringLiteral("espeak-ng and sox are needed for voice messages");
    QProcess espeak;
    QProcess sox;
    espeak.setStandardOutputProcess(&sox);
    espeak.start(QStringLiteral("espeak-ng"),
                 {QStringLiteral("-v"), voice, QStringLiteral("-s"), QStringLiteral("150"),
                  QStringLiteral("--stdout"), text});
    sox.start(QStringLiteral("sox"),
              {QStringLiteral("-t"), QStringLiteral("wav"), QStringLiteral("-"),
               QStringLiteral("-t"), QStringLiteral("raw"), QStringLiteral("-r"),
               QStringLiteral("48000"), QStringLiteral("-e"), QStringLiteral("signed"),
               QStringLiteral("-b"), QStringLiteral("16"), QStringLiteral("-c"),
               QStringLiteral("1"), QStringLiteral("-")});
    if (!espeak.waitForFinished(30000) || !sox.waitForFinished(30000) || sox.exitCode() != 0)
        return QStringLiteral("speech synthesis failed");
    const QByteArray raw = sox.readAllStandardOutput();
    QVector<qint16> pcm(raw.size() / 2);
    memcpy(pcm.data(), raw.constData(), static_cast<size_t>(pcm.size()) * 2);
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
