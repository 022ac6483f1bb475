#pragma once

#include "SpeechEngine.h"

#include <QList>
#include <QStringList>

#include <memory>
#include <vector>

class QPluginLoader;

// Finds speech-to-text engine plugins in the install's plugin folder and in configured ones,
// loads each, and keeps those that implement this version of SpeechEngineFactory. A plugin
// that does not load, implements another version, or contradicts its own metadata is
// reported in problems() and skipped; the console carries on with the others (or none).
// Made by the composition root; no global instance.
class SpeechEngineRegistry
{
public:
    struct Problem
    {
        QString file;
        QString reason;
    };

    SpeechEngineRegistry();
    ~SpeechEngineRegistry();
    SpeechEngineRegistry(const SpeechEngineRegistry &) = delete;
    SpeechEngineRegistry &operator=(const SpeechEngineRegistry &) = delete;

    // <prefix>/<libdir>/responder-console/plugins/transcription beside the installed executable,
    // plugins/transcription beside it in a build tree, then each folder of the
    // CONSULT_PLUGIN_PATH environment variable (colon-separated).
    static QStringList defaultFolders();

    // Loads every plugin file in `folders`, in order; the first engine with an id wins.
    void scan(const QStringList &folders);

    QList<SpeechEngineInfo> engines() const;
    // nullptr when no loaded engine has this id.
    const SpeechEngineFactory *factory(const QString &id) const;
    const QList<Problem> &problems() const { return m_problems; }

    // The engine the settings name (`engine`, default "pocketsphinx"), if it can transcribe the
    // language the voice messages are spoken in (`speechLanguage`, default zh-CN: the
    // representatives speak Mandarin). The model's language is the engine's setting `language`
    // where it has one, else the first the engine declares. nullptr, with `why`, otherwise: an
    // English model on Mandarin speech writes confident nonsense under every message, which is
    // worse than no text.
    const SpeechEngineFactory *choose(const QVariantMap &settings, QString *why) const;

private:
    void load(const QString &file);

    struct Loaded;
    std::vector<std::unique_ptr<Loaded>> m_loaded;
    QList<Problem> m_problems;
};
