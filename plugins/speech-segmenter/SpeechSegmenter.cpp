#include "SpeechSegmenter.h"

#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <vector>

namespace {
constexpr int frameMs = 20;
constexpr double floorDb = -45.0;     // quieter than this is never speech
constexpr double aboveNoiseDb = 15.0; // speech stands this far above the clip's quiet parts
constexpr qint64 bridgeMs = 300;      // pauses shorter than this stay inside one segment
constexpr qint64 shortestMs = 100;    // shorter bursts are clicks, not speech

std::vector<double> frameLevelsDb(const SpeechAudio &audio)
{
    const qsizetype samplesPerFrame = qMax(1, audio.sampleRate * frameMs / 1000);
    const auto *samples = reinterpret_cast<const qint16 *>(audio.pcm.constData());
    const qsizetype count = audio.pcm.size() / 2;
    std::vector<double> levels;
    for (qsizetype start = 0; start < count; start += samplesPerFrame) {
        const qsizetype end = std::min(count, start + samplesPerFrame);
        double sum = 0;
        for (qsizetype i = start; i < end; ++i) {
            const double s = qFromLittleEndian(samples[i]) / 32768.0;
            sum += s * s;
        }
        const double rms = std::sqrt(sum / double(end - start));
        levels.push_back(20.0 * std::log10(std::max(rms, 1e-9)));
    }
    return levels;
}
} // namespace

void SpeechSegmenter::transcribe(const SpeechRequest &request, const SpeechAudio &audio)
{
    resetCancel();
    const std::vector<double> levels = frameLevelsDb(audio);
    // The clip's quiet parts set the bar: the level below which a tenth of its frames lie.
    std::vector<double> sorted = levels;
    std::sort(sorted.begin(), sorted.end());
    const double noise = sorted.empty() ? floorDb : sorted[sorted.size() / 10];
    const double threshold = std::max(floorDb, noise + aboveNoiseDb);

    Transcript transcript;
    transcript.engineId = QStringLiteral("speech-segmenter");
    transcript.language = request.language;
    auto close = [&](qint64 startMs, qint64 endMs) {
        if (endMs - startMs < shortestMs)
            return;
        TranscriptSegment segment{startMs, endMs, {}, -1, {}};
        transcript.segments << segment;
        Q_EMIT segmentFound(segment);
    };
    qint64 start = -1;
    qint64 lastVoiced = -1;
    for (size_t i = 0; i < levels.size(); ++i) {
        if (i % 50 == 0) {
            if (isCancelled()) {
                Q_EMIT cancelled();
                return;
            }
            Q_EMIT progress(double(i) / double(levels.size()));
        }
        const qint64 at = qint64(i) * frameMs;
        if (levels[i] < threshold)
            continue;
        if (start >= 0 && at - lastVoiced > bridgeMs) {
            close(start, lastVoiced);
            start = -1;
        }
        if (start < 0)
            start = at;
        lastVoiced = at + frameMs;
    }
    if (start >= 0)
        close(start, lastVoiced);
    Q_EMIT progress(1.0);
    Q_EMIT finished(transcript);
}

SpeechEngineInfo SpeechSegmenterFactory::info() const
{
    return {QStringLiteral("speech-segmenter"),
            QStringLiteral("Speech segments (no words)"),
            {QStringLiteral("zh-CN"), QStringLiteral("en-US")},
            true,
            false,
            false};
}

std::unique_ptr<SpeechEngine> SpeechSegmenterFactory::create(const QVariantMap &, QString *) const
{
    return std::make_unique<SpeechSegmenter>();
}
