#include "PocketSphinxEngine.h"

#include <QDir>
#include <QFileInfo>

#include <pocketsphinx.h>

#include <algorithm>

namespace {
// Debian's pocketsphinx-en-us.
const QString debianModel = QStringLiteral("/usr/share/pocketsphinx/model/en-us");
constexpr int frameRate = 100; // PocketSphinx's default: one frame per 10 ms
constexpr int rate = 16000;

// Fillers and sentence marks the decoder reports among the words.
bool isWord(const QString &token)
{
    return !token.isEmpty() && !token.startsWith(u'<') && !token.startsWith(u'[') &&
           !token.startsWith(u'(') && !token.startsWith(u'+');
}

// "read(2)": the dictionary's second pronunciation of "read".
QString spelling(const char *token)
{
    QString word = QString::fromUtf8(token);
    if (word.endsWith(u')')) {
        const qsizetype open = word.lastIndexOf(u'(');
        if (open > 0)
            word.truncate(open);
    }
    return word;
}
} // namespace

PocketSphinxEngine::Model PocketSphinxEngine::modelOf(const QVariantMap &settings, QString *error)
{
    Model model{
        settings.value(QStringLiteral("acousticModel"), debianModel + QStringLiteral("/en-us"))
            .toString(),
        settings
            .value(QStringLiteral("dictionary"),
                   debianModel + QStringLiteral("/cmudict-en-us.dict"))
            .toString(),
        settings
            .value(QStringLiteral("languageModel"), debianModel + QStringLiteral("/en-us.lm.bin"))
            .toString(),
        settings.value(QStringLiteral("language"), QStringLiteral("en-US")).toString()};
    const QDir acoustic(model.acousticModel);
    if (!acoustic.exists()) {
        *error = PocketSphinxFactory::tr("The acoustic model folder %1 does not exist (for the "
                                         "English model, install pocketsphinx-en-us).")
                     .arg(model.acousticModel);
        return {};
    }
    QStringList missing;
    for (const char *file : {"mdef", "means", "variances", "transition_matrices", "feat.params"}) {
        if (!acoustic.exists(QLatin1String(file)))
            missing << QLatin1String(file);
    }
    if (!missing.isEmpty()) {
        *error = PocketSphinxFactory::tr("The acoustic model in %1 is incomplete: %2 missing.")
                     .arg(model.acousticModel, missing.join(QStringLiteral(", ")));
        return {};
    }
    for (const QString &file : {model.dictionary, model.languageModel}) {
        if (!QFileInfo(file).isFile()) {
            *error = PocketSphinxFactory::tr("The model file %1 does not exist.").arg(file);
            return {};
        }
    }
    return model;
}

PocketSphinxEngine::PocketSphinxEngine(ps_decoder_s *decoder, Model model, QObject *parent)
    : SpeechEngine(parent)
    , m_decoder(decoder)
    , m_model(std::move(model))
{}

PocketSphinxEngine::~PocketSphinxEngine()
{
    ps_free(m_decoder);
}

void PocketSphinxEngine::transcribe(const SpeechRequest &request, const SpeechAudio &audio)
{
    Q_UNUSED(request)
    resetCancel();
    if (audio.sampleRate != rate) {
        Q_EMIT failed(PocketSphinxFactory::tr("PocketSphinx takes 16 kHz audio, not %1 Hz.")
                          .arg(audio.sampleRate));
        return;
    }
    const auto *samples = reinterpret_cast<const int16 *>(audio.pcm.constData());
    const size_t count = size_t(audio.pcm.size() / 2);
    if (isCancelled()) {
        Q_EMIT cancelled();
        return;
    }
    Q_EMIT progress(0.0);
    // The whole clip in one call, normalised over itself (batch CMN): fed in pieces, the
    // decoder's running normalisation carried one clip into the next, and a clear sentence
    // after a clip of a tone came out as "molly". A voice message is at most a minute, which
    // PocketSphinx decodes in about a second; cancelling takes effect between clips.
    if (ps_start_utt(m_decoder) < 0 || ps_process_raw(m_decoder, samples, count, FALSE, TRUE) < 0 ||
        ps_end_utt(m_decoder) < 0) {
        Q_EMIT failed(PocketSphinxFactory::tr("PocketSphinx could not decode the audio."));
        return;
    }

    Transcript transcript;
    transcript.engineId = QStringLiteral("pocketsphinx");
    transcript.language = m_model.language;
    TranscriptSegment segment;
    logmath_t *logmath = ps_get_logmath(m_decoder);
    // Frame numbers run on from one utterance to the next in this version (5prealpha); the
    // first segment (the sentence start, <s>) opens the utterance, so times count from it.
    int firstFrame = -1;
    for (ps_seg_t *seg = ps_seg_iter(m_decoder); seg; seg = ps_seg_next(seg)) {
        int startFrame = 0;
        int endFrame = 0;
        ps_seg_frames(seg, &startFrame, &endFrame);
        if (firstFrame < 0)
            firstFrame = startFrame;
        startFrame -= firstFrame;
        endFrame -= firstFrame;
        const QString word = spelling(ps_seg_word(seg));
        if (!isWord(word))
            continue;
        int32 acoustic = 0;
        int32 language = 0;
        int32 backoff = 0;
        const int32 posterior = ps_seg_prob(seg, &acoustic, &language, &backoff);
        // The last frame's window reaches past the end of the audio: a word ends with it.
        segment.words << TranscriptWord{
            word, qint64(startFrame) * 1000 / frameRate,
            std::min(audio.durationMs(), qint64(endFrame + 1) * 1000 / frameRate),
            std::clamp(logmath_exp(logmath, posterior), 0.0, 1.0)};
    }
    if (!segment.words.isEmpty()) {
        QStringList words;
        double confidence = 0;
        for (const TranscriptWord &w : std::as_const(segment.words)) {
            words << w.text;
            confidence += w.confidence;
        }
        segment.text = words.join(u' ');
        segment.startMs = segment.words.constFirst().startMs;
        segment.endMs = segment.words.constLast().endMs;
        segment.confidence = confidence / double(segment.words.size());
        transcript.segments << segment;
        Q_EMIT segmentFound(segment);
    }
    Q_EMIT progress(1.0);
    Q_EMIT finished(transcript);
}

SpeechEngineInfo PocketSphinxFactory::info() const
{
    return {QStringLiteral("pocketsphinx"),
            tr("PocketSphinx (offline)"),
            {QStringLiteral("en-US")},
            true,
            false,
            true};
}

std::unique_ptr<SpeechEngine> PocketSphinxFactory::create(const QVariantMap &settings,
                                                          QString *error) const
{
    QString problem;
    PocketSphinxEngine::Model model = PocketSphinxEngine::modelOf(settings, &problem);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return nullptr;
    }
    const QByteArray hmm = QFile::encodeName(model.acousticModel);
    const QByteArray dict = QFile::encodeName(model.dictionary);
    const QByteArray lm = QFile::encodeName(model.languageModel);
    // Its log goes nowhere: what matters reaches the console as failed() or an error here.
    cmd_ln_t *config =
        cmd_ln_init(nullptr, ps_args(), TRUE, "-hmm", hmm.constData(), "-dict", dict.constData(),
                    "-lm", lm.constData(), "-logfn", "/dev/null", nullptr);
    ps_decoder_t *decoder = config ? ps_init(config) : nullptr;
    if (config)
        cmd_ln_free_r(config); // the decoder keeps its own reference
    if (!decoder) {
        if (error)
            *error = tr("PocketSphinx could not load the model in %1.").arg(model.acousticModel);
        return nullptr;
    }
    return std::make_unique<PocketSphinxEngine>(decoder, std::move(model));
}
