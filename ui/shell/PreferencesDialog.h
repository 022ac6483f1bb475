#pragma once

#include "TranscriptionBox.h"
#include "app/account/Preferences.h"

#include <QDialog>

class QAudioDevice;
class QCheckBox;
class QComboBox;
class QSpinBox;

// The officer's preferences: how Enter behaves in the reply box, when a waiting consultation
// counts as overdue, desktop alerts and their sound, and the devices voice plays through and
// records from, and how voice messages are turned into text.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    PreferencesDialog(const Preferences &preferences, TranscriptionBox *transcription,
                      QWidget *parent = nullptr);
    Preferences preferences() const;
    TranscriptionBox &transcription() const { return *m_transcription; }

private:
    static void fillDevices(QComboBox *box, const QList<QAudioDevice> &devices,
                            const QByteArray &chosen);

    QCheckBox *m_enterSends;
    QSpinBox *m_overdue;
    QCheckBox *m_alerts;
    QCheckBox *m_sound;
    QComboBox *m_output;
    QComboBox *m_input;
    QCheckBox *m_playNext;
    TranscriptionBox *m_transcription;
};
