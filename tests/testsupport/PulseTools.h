#pragma once

#include <QAudioDevice>
#include <QMediaDevices>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

// The test's own PulseAudio server (tests/testsupport/with-pulse.sh) and the independent tools
// the voice tests check against: pactl, parec, sox, opusenc.
namespace PulseTools {

// Runs a tool to completion; its standard output, or a failed QVERIFY-able empty result.
inline QByteArray run(const QString &program, const QStringList &arguments, bool *ok = nullptr)
{
    QProcess process;
    process.start(program, arguments);
    const bool done = process.waitForFinished(30000) &&
                      process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (ok)
        *ok = done;
    if (!done)
        qWarning().noquote() << program << arguments.join(u' ')
                             << "failed:" << process.readAllStandardError();
    return process.readAllStandardOutput();
}

// A sine tone made by sox and encoded by opusenc (opus-tools), as a phone would send it.
inline bool makeToneClip(const QString &path, double seconds, int frequency, double volume = 0.5)
{
    bool ok = false;
    const QString wav = path + QStringLiteral(".wav");
    run(QStringLiteral("sox"),
        {QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("48000"), QStringLiteral("-c"),
         QStringLiteral("1"), QStringLiteral("-b"), QStringLiteral("16"), wav,
         QStringLiteral("synth"), QString::number(seconds), QStringLiteral("sine"),
         QString::number(frequency), QStringLiteral("vol"), QString::number(volume)},
        &ok);
    if (!ok)
        return false;
    run(QStringLiteral("opusenc"),
        {QStringLiteral("--quiet"), QStringLiteral("--bitrate"), QStringLiteral("32"), wav, path},
        &ok);
    return ok;
}

inline QAudioDevice output(const QByteArray &id)
{
    for (const QAudioDevice &device : QMediaDevices::audioOutputs()) {
        if (device.id() == id)
            return device;
    }
    return {};
}

inline QAudioDevice input(const QByteArray &id)
{
    for (const QAudioDevice &device : QMediaDevices::audioInputs()) {
        if (device.id() == id)
            return device;
    }
    return {};
}

// Records what a sink plays, from its monitor, as 48 kHz mono 16-bit.
class MonitorRecording
{
public:
    explicit MonitorRecording(const QString &sink = QStringLiteral("testsink"))
    {
        // Read as it comes (the test waits in an event loop): a full pipe would stall parec.
        QObject::connect(&m_parec, &QProcess::readyReadStandardOutput, &m_parec,
                         [this] { m_bytes += m_parec.readAllStandardOutput(); });
        m_parec.start(QStringLiteral("parec"),
                      {QStringLiteral("-d"), sink + QStringLiteral(".monitor"),
                       QStringLiteral("--rate=48000"), QStringLiteral("--channels=1"),
                       QStringLiteral("--format=s16le"), QStringLiteral("--latency-msec=20")});
        m_parec.waitForStarted();
    }
    ~MonitorRecording() { stop(); }
    QByteArray stop()
    {
        if (m_parec.state() != QProcess::NotRunning) {
            m_parec.terminate();
            m_parec.waitForFinished(5000);
            m_bytes += m_parec.readAllStandardOutput();
        }
        return m_bytes;
    }

private:
    QProcess m_parec;
    QByteArray m_bytes;
};

} // namespace PulseTools
