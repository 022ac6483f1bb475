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

QList<QByteArray> idsOf(const QList<QAudioDevice> &devices)
{
    QList<QByteArray> ids;
    for (const QAudioDevice &device : devices)
        ids << device.id();
    return ids;
}
} // namespace

AudioDevices::AudioDevices(QObject *parent)
    : QObject(parent)
    , m_knownInputs(idsOf(QMediaDevices::audioInputs()))
    , m_knownOutputs(idsOf(QMediaDevices::audioOutputs()))
{
    connect(&m_devices, &QMediaDevices::audioInputsChanged, this, &AudioDevices::look);
    connect(&m_devices, &QMediaDevices::audioOutputsChanged, this, &AudioDevices::look);
    // Qt 6.4's PulseAudio backend never emits those two signals (fixed in Qt 6.5, qtmultimedia
    // 7b75983): the device lists are looked at twice a second as well, a cheap read of the
    // backend's own list, so that a headset plugged in is noticed within a second.
    m_poll.setInterval(500);
    connect(&m_poll, &QTimer::timeout, this, &AudioDevices::look);
    m_poll.start();
    resolve();
}

void AudioDevices::look()
{
    const QList<QAudioDevice> inputs = QMediaDevices::audioInputs();
    const QList<QAudioDevice> outputs = QMediaDevices::audioOutputs();
    if (idsOf(inputs) == m_knownInputs && idsOf(outputs) == m_knownOutputs)
        return;
    if (m_newDeviceFirst) {
        adoptNew(inputs, &m_knownInputs, &m_inputId);
        adoptNew(outputs, &m_knownOutputs, &m_outputId);
    }
    m_knownInputs = idsOf(inputs);
    m_knownOutputs = idsOf(outputs);
    resolve();
    Q_EMIT devicesChanged();
}

void AudioDevices::adoptNew(const QList<QAudioDevice> &now, QList<QByteArray> *known,
                            QByteArray *id)
{
    for (const QAudioDevice &device : now) {
        if (!known->contains(device.id())) {
            *id = device.id();
            return;
        }
    }
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
