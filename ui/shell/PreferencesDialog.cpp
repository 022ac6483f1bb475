#include "PreferencesDialog.h"

#include <QAudioDevice>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QMediaDevices>
#include <QPushButton>
#include <QSpinBox>

PreferencesDialog::PreferencesDialog(const Preferences &preferences,
                                     TranscriptionBox *transcription, QWidget *parent)
    : QDialog(parent)
    , m_enterSends(
          new QCheckBox(tr("&Enter sends the reply (Shift+Enter starts a new line)"), this))
    , m_overdue(new QSpinBox(this))
    , m_alerts(new QCheckBox(tr("Show &desktop alerts for new consultations and messages"), this))
    , m_sound(new QCheckBox(tr("Play a &sound with alerts"), this))
    , m_output(new QComboBox(this))
    , m_input(new QComboBox(this))
    , m_playNext(new QCheckBox(tr("After a voice message, play the next &unheard one"), this))
    , m_transcription(transcription)
{
    m_transcription->setParent(this);
    setWindowTitle(tr("Preferences"));
    m_enterSends->setChecked(preferences.enterSends);
    m_enterSends->setToolTip(tr("Off: Shift+Enter sends and Enter starts a new line."));
    m_overdue->setRange(1, 24 * 60);
    m_overdue->setValue(preferences.overdueMinutes);
    m_overdue->setSuffix(tr(" min"));
    m_overdue->setAccessibleName(tr("Overdue after"));
    m_alerts->setChecked(preferences.desktopAlerts);
    m_sound->setChecked(preferences.soundAlerts);
    m_sound->setEnabled(preferences.desktopAlerts);
    connect(m_alerts, &QCheckBox::toggled, m_sound, &QCheckBox::setEnabled);
    fillDevices(m_output, QMediaDevices::audioOutputs(), preferences.audioOutput);
    fillDevices(m_input, QMediaDevices::audioInputs(), preferences.audioInput);
    m_output->setAccessibleName(tr("Sound output"));
    m_input->setAccessibleName(tr("Microphone"));
    m_playNext->setChecked(preferences.playNextUnheard);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("OK"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(m_enterSends);
    form->addRow(tr("A waiting consultation is &overdue after:"), m_overdue);
    form->addRow(m_alerts);
    form->addRow(m_sound);
    form->addRow(tr("Play voice messages &through:"), m_output);
    form->addRow(tr("Record voice replies &from:"), m_input);
    form->addRow(m_playNext);
    form->addRow(m_transcription);
    form->addRow(buttons);
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p;
    p.enterSends = m_enterSends->isChecked();
    p.overdueMinutes = m_overdue->value();
    p.desktopAlerts = m_alerts->isChecked();
    p.soundAlerts = m_sound->isChecked();
    p.audioOutput = m_output->currentData().toByteArray();
    p.audioInput = m_input->currentData().toByteArray();
    p.playNextUnheard = m_playNext->isChecked();
    return p;
}

// The system's default first; a chosen device that is unplugged now stays listed, so the
// choice is not lost while it is away.
void PreferencesDialog::fillDevices(QComboBox *box, const QList<QAudioDevice> &devices,
                                    const QByteArray &chosen)
{
    box->addItem(tr("System default"), QByteArray());
    for (const QAudioDevice &device : devices)
        box->addItem(device.description(), device.id());
    int index = box->findData(chosen);
    if (index < 0) {
        box->addItem(tr("%1 (not connected)").arg(QString::fromUtf8(chosen)), chosen);
        index = box->count() - 1;
    }
    box->setCurrentIndex(chosen.isEmpty() ? 0 : index);
}
