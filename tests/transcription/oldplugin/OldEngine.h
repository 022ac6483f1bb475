#pragma once

#include <QObject>

// A plugin built for an earlier version of the engine interface (its IID ends in /0): the
// registry must refuse it by name without running it. Its constructor would abort the test.
class OldEngineFactory : public QObject
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.responder-console.SpeechEngineFactory/0" FILE "old.json")
public:
    OldEngineFactory();
};
