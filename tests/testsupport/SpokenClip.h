#pragma once

#include "app/audio/OggOpusEncoder.h"

#include <QFile>
#include <QProcess>
#include <QString>

// A sentence as a voice message: spoken by flite (its "slt" voice, which PocketSphinx
// recognises; espeak-ng's mostly not) at 16 kHz, encoded to Ogg Opus as the console encodes a
// recording. Empty if flite is missing or fails.
inline QByteArray spokenClip(const QString &sentence, const QString &folder)
{
    const QString wav = folder + QStringLiteral("/spoken.wav");
    QProcess flite;
    flite.start(QStringLiteral("flite"),
                {QStringLiteral("-voice"), QStringLiteral("slt"), QStringLiteral("-t"), sentence,
                 QStringLiteral("-o"), wav});
    if (!flite.waitForFinished(30000) || flite.exitCode() != 0)
        return {};
    QFile file(wav);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    const qsizetype data = bytes.indexOf("data");
    if (data < 0)
        return {};
    const QByteArray pcm = bytes.mid(data + 8);
    OggOpusEncoder encoder(16000);
    if (!encoder.write(reinterpret_cast<const qint16 *>(pcm.constData()), int(pcm.size() / 2)))
        return {};
    const auto ogg = encoder.finish();
    return ogg ? *ogg : QByteArray();
}
