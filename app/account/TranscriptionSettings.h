#pragma once

#include <QString>
#include <QVariantMap>

class QSettings;

// How voice messages are turned into text at this workstation, kept in the settings file under
// [transcription] (never the HTTP service's key: that is in the keychain). An administrator's
// engine settings there (a model folder, say) are kept as they are.
struct TranscriptionSettings
{
    enum class Choice
    {
        Automatic, // the server's transcripts when it makes them, else the offline engine
        Server,    // only the server's; nothing is transcribed here
        Local,     // the engine named by `engine`, even when the server transcribes
        Off,       // nothing here (the server's transcripts are still shown)
    };
    Choice choice = Choice::Automatic;
    QString engine = QStringLiteral("pocketsphinx");  // Local: the plugin's id
    QString speechLanguage = QStringLiteral("zh-CN"); // what the voice messages are spoken in
    bool background = false; // transcribe every incoming voice message, not only those opened
    QString url;             // the HTTP engine's service
    QString model;
    QVariantMap engineOptions; // everything else in the group, for the engine

    static TranscriptionSettings load(QSettings &settings);
    void save(QSettings &settings) const;
    // What the registry chooses by and the engine is made with; nothing with `engine` when no
    // engine is to run here. `apiKey` comes from the keychain.
    QVariantMap engineSettings(const QString &apiKey = {}) const;
    bool runsLocally() const { return choice == Choice::Automatic || choice == Choice::Local; }
};
