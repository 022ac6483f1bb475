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
    connect(&m_devices, &QMediaDevices::audioInputsChanged, this, [this] {
        const QList<QAudioDevice> now = QMediaDevices::audioInputs();
        if (m_newDeviceFirst)
            adoptNew(now, &m_knownInputs, &m_inputId);
        m_knownInputs = idsOf(now);
        resolve();
        Q_EMIT devicesChanged();
    });
    connect(&m_devices, &QMediaDevices::audioOutputsChanged, this, [this] {
        const QList<QAudioDevice> now = QMediaDevices::audioOutputs();
        if (m_newDeviceFirst)
            adoptNew(now, &m_knownOutputs, &m_outputId);
        m_knownOutputs = idsOf(now);
        resolve();
        Q_EMIT devicesChanged();
    });
    resolve();
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
