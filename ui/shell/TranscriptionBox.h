#pragma once

#include "app/account/TranscriptionSettings.h"
#include "app/transcription/SpeechEngine.h"

#include <QGroupBox>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

// The voice-to-text part of the preferences: who turns voice messages into text (the server,
// an engine on this computer, nobody), in which language they are spoken, whether to do it in
// the background, and the HTTP service's address, model and key. Says, for the engine chosen,
// whether recordings leave this computer.
class TranscriptionBox : public QGroupBox
{
    Q_OBJECT
public:
    // `hasKey`: a key for the HTTP service is in the keychain already.
    TranscriptionBox(const TranscriptionSettings &settings, const QList<SpeechEngineInfo> &engines,
                     bool hasKey, QWidget *parent = nullptr);

    TranscriptionSettings settings() const;
    // A new key typed in; nothing when the field was left as it was.
    std::optional<QString> newKey() const;

private:
    void showChoice();

    TranscriptionSettings m_base;
    QList<SpeechEngineInfo> m_engines;
    QComboBox *m_choice;
    QComboBox *m_language;
    QCheckBox *m_background;
    QLineEdit *m_url;
    QLineEdit *m_model;
    QLineEdit *m_key;
    QLabel *m_note;
    QWidget *m_service;
};
