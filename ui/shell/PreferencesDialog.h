#pragma once

#include "app/account/Preferences.h"

#include <QDialog>

class QAudioDevice;
class QCheckBox;
class QComboBox;
class QSpinBox;

// The officer's preferences: how Enter behaves in the reply box, when a waiting consultation
// counts as overdue, desktop alerts and their sound, and the devices voice plays through and
// records from.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(const Preferences &preferences, QWidget *parent = nullptr);
    Preferences preferences() const;

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
};
