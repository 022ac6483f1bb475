#pragma once

#include "Preferences.h"

#include <QDialog>

class QCheckBox;
class QSpinBox;

// The officer's preferences: how Enter behaves in the reply box, when a waiting consultation
// counts as overdue, desktop alerts and their sound.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(const Preferences &preferences, QWidget *parent = nullptr);
    Preferences preferences() const;

private:
    QCheckBox *m_enterSends;
    QSpinBox *m_overdue;
    QCheckBox *m_alerts;
    QCheckBox *m_sound;
};
