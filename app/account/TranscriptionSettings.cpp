#include "TranscriptionSettings.h"

#include <QSettings>

namespace {
const QString group = QStringLiteral("transcription");
// Keys this struct owns; any other key of the group is an engine option.
const QString choiceKey = QStringLiteral("use");
const QString engineKey = QStringLiteral("engine");
const QString languageKey = QStringLiteral("speechLanguage");
const QString backgroundKey = QStringLiteral("background");
const QString urlKey = QStringLiteral("url");
const QString modelKey = QStringLiteral("model");

const QList<QPair<TranscriptionSettings::Choice, QString>> choices{
    {TranscriptionSettings::Choice::Automatic, QStringLiteral("automatic")},
    {TranscriptionSettings::Choice::Server, QStringLiteral("server")},
    {TranscriptionSettings::Choice::Local, QStringLiteral("local")},
    {TranscriptionSettings::Choice::Off, QStringLiteral("off")}};
} // namespace

TranscriptionSettings TranscriptionSettings::load(QSettings &settings)
{
    TranscriptionSettings t;
    settings.beginGroup(group);
    const QString choice = settings.value(choiceKey).toString();
    for (const auto &[value, name] : choices) {
        if (name == choice)
            t.choice = value;
    }
    // An administrator's file from before the choice existed names the engine only.
    if (choice.isEmpty() && settings.contains(engineKey))
        t.choice = Choice::Local;
    t.engine = settings.value(engineKey, t.engine).toString();
    t.speechLanguage = settings.value(languageKey, t.speechLanguage).toString();
    t.background = settings.value(backgroundKey, t.background).toBool();
    t.url = settings.value(urlKey).toString();
    t.model = settings.value(modelKey).toString();
    const QStringList own{choiceKey, engineKey, languageKey, backgroundKey, urlKey, modelKey};
    for (const QString &key : settings.childKeys()) {
        if (!own.contains(key))
            t.engineOptions.insert(key, settings.value(key));
    }
    settings.endGroup();
    return t;
}

void TranscriptionSettings::save(QSettings &settings) const
{
    settings.beginGroup(group);
    for (const auto &[value, name] : choices) {
        if (value == choice)
            settings.setValue(choiceKey, name);
    }
    settings.setValue(engineKey, engine);
    settings.setValue(languageKey, speechLanguage);
    settings.setValue(backgroundKey, background);
    settings.setValue(urlKey, url);
    settings.setValue(modelKey, model);
    settings.endGroup();
    settings.sync();
}

QVariantMap TranscriptionSettings::engineSettings(const QString &apiKey) const
{
    QVariantMap map = engineOptions;
    map.insert(languageKey, speechLanguage);
    if (!url.isEmpty())
        map.insert(urlKey, url);
    if (!model.isEmpty())
        map.insert(modelKey, model);
    if (!apiKey.isEmpty())
        map.insert(QStringLiteral("apiKey"), apiKey);
    map.insert(backgroundKey, background);
    // Named only when the officer chose it: then it runs even when the server transcribes.
    if (choice == Choice::Local) {
        map.insert(engineKey, engine);
        // A service's model is for whatever is spoken; an offline model names its own.
        if (engine == QLatin1String("http") && !engineOptions.contains(QStringLiteral("language")))
            map.insert(QStringLiteral("language"), speechLanguage);
    }
    return map;
}
