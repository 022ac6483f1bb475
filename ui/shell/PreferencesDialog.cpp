#include "PreferencesDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPushButton>
#include <QSpinBox>

PreferencesDialog::PreferencesDialog(const Preferences &preferences, QWidget *parent)
    : QDialog(parent)
    , m_enterSends(
          new QCheckBox(tr("&Enter sends the reply (Shift+Enter starts a new line)"), this))
    , m_overdue(new QSpinBox(this))
    , m_alerts(new QCheckBox(tr("Show &desktop alerts for new consultations and messages"), this))
    , m_sound(new QCheckBox(tr("Play a &sound with alerts"), this))
{
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
    form->addRow(buttons);
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p;
    p.enterSends = m_enterSends->isChecked();
    p.overdueMinutes = m_overdue->value();
    p.desktopAlerts = m_alerts->isChecked();
    p.soundAlerts = m_sound->isChecked();
    return p;
}
