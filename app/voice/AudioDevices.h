#pragma once

#include <QAudioDevice>
#include <QMediaDevices>
#include <QObject>
#include <QTimer>

// The input and output the officer chose (by device id, kept in the settings), resolved against
// the devices present now: the chosen one while it is plugged in, the system default while it
// is not, and the chosen one again when it comes back.
class AudioDevices : public QObject
{
    Q_OBJECT
public:
    explicit AudioDevices(QObject *parent = nullptr);

    // Empty ids mean the system default.
    void setPreferred(const QByteArray &inputId, const QByteArray &outputId);
    // A shared desk: a device that appears (a headset plugged in) becomes the one used at once,
    // ahead of the preference, until it goes again.
    void setNewDeviceFirst(bool first) { m_newDeviceFirst = first; }
    QByteArray preferredInput() const { return m_inputId; }
    QByteArray preferredOutput() const { return m_outputId; }

    QAudioDevice input() const { return m_input; }
    QAudioDevice output() const { return m_output; }

Q_SIGNALS:
    void inputChanged(const QAudioDevice &device);
    void outputChanged(const QAudioDevice &device);
    void devicesChanged(); // the list of devices changed (for a settings page)

private:
    void resolve();
    // Compares the devices present with those seen last; on a change, adopts and resolves.
    void look();
    // Adopts a device present now that was not at the last look, as the preferred one.
    static void adoptNew(const QList<QAudioDevice> &now, QList<QByteArray> *known, QByteArray *id);

    QMediaDevices m_devices;
    QTimer m_poll;
    QByteArray m_inputId;
    QByteArray m_outputId;
    QAudioDevice m_input;
    QAudioDevice m_output;
    bool m_newDeviceFirst = false;
    QList<QByteArray> m_knownInputs;
    QList<QByteArray> m_knownOutputs;
};
