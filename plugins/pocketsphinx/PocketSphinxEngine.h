#pragma once

#include "app/transcription/SpeechEngine.h"

#include <QObject>

struct ps_decoder_s;

// CMU PocketSphinx from Debian: speech to text on this computer, nothing leaves it. Debian
// ships an English model only (pocketsphinx-en-us), which is the default; an administrator
// points the engine at another acoustic model, dictionary and language model (a Mandarin one,
// say) with the settings below. Words come with their times and a confidence.
//
// Settings (all optional):
//   acousticModel  a folder with mdef, means, variances, transition_matrices and feat.params
//   dictionary     the pronunciation dictionary file
//   languageModel  an ARPA or binary language model file
//   language       the BCP 47 tag the model is for (default en-US)
class PocketSphinxEngine : public SpeechEngine
{
    Q_OBJECT
public:
    struct Model
    {
        QString acousticModel;
        QString dictionary;
        QString languageModel;
        QString language;
    };
    // The model the settings name, or the reason it cannot be used (missing or incomplete).
    static Model modelOf(const QVariantMap &settings, QString *error);

    explicit PocketSphinxEngine(ps_decoder_s *decoder, Model model, QObject *parent = nullptr);
    ~PocketSphinxEngine() override;

    void transcribe(const SpeechRequest &request, const SpeechAudio &audio) override;

private:
    ps_decoder_s *m_decoder;
    Model m_model;
};

class PocketSphinxFactory : public QObject, public SpeechEngineFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID SpeechEngineFactory_iid FILE "pocketsphinx.json")
    Q_INTERFACES(SpeechEngineFactory)
public:
    SpeechEngineInfo info() const override;
    std::unique_ptr<SpeechEngine> create(const QVariantMap &settings,
                                         QString *error) const override;
};
