#include "AudioDevices.h"

namespace {
QAudioDevice pick(const QList<QAudioDevice> &present, const QByteArray &id,
                  const QAudioDevice &fallback)
{
    if (!id.isEmpty()) {
        for (const QAudioDevice &device : present) {
            if (device.id() == id)
                return device;
        }
    }
    return fallback;
}
} // namespace

AudioDevices::AudioDevices(QObject *parent)
    : QObject(parent)
{
    connect(&m_devices, &QMediaDevices::audioInputsChanged, this, [this] {
        resolve();
        Q_EMIT devicesChanged();
    });
    connect(&m_devices, &QMediaDevices::audioOutputsChanged, this, [this] {
        resolve();
        Q_EMIT devicesChanged();
    });
    resolve();
}

void AudioDevices::setPreferred(const QByteArray &inputId, const QByteArray &outputId)
{
    m_inputId = inputId;
    m_outputId = outputId;
    resolve();
}

void AudioDevices::resolve()
{
    const QAudioDevice input =
        pick(QMediaDevices::audioInputs(), m_inputId, QMediaDevices::defaultAudioInput());
    const QAudioDevice output =
        pick(QMediaDevices::audioOutputs(), m_outputId, QMediaDevices::defaultAudioOutput());
    if (input != m_input) {
        m_input = input;
        Q_EMIT inputChanged(input);
    }
    if (output != m_output) {
        m_output = output;
        Q_EMIT outputChanged(output);
    }
}
