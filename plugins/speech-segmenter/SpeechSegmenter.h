#pragma once

#include "app/transcription/SpeechEngine.h"

#include <QObject>

// The simplest engine behind the plugin door: it finds where in a clip someone speaks and
// reports each stretch as a segment without words. It exists so that the door is exercised by
// a real plugin (loaded, asked, cancelled) before the recognisers arrive, and its segments are
// what a recogniser's would be timed against.
//
// Written here rather than taken from a library: Debian's libwebrtc-audio-processing (0.3)
// offers voice detection only inside its whole processing pipeline, and an energy gate over
// 20 ms frames is all this engine needs.
class SpeechSegmenter : public SpeechEngine
{
    Q_OBJECT
public:
    using SpeechEngine::SpeechEngine;
    void transcribe(const SpeechRequest &request, const SpeechAudio &audio) override;
};

class SpeechSegmenterFactory : public QObject, public SpeechEngineFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID SpeechEngineFactory_iid FILE "segmenter.json")
    Q_INTERFACES(SpeechEngineFactory)
public:
    SpeechEngineInfo info() const override;
    std::unique_ptr<SpeechEngine> create(const QVariantMap &settings,
                                         QString *error) const override;
};
