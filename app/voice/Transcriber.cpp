#include "Transcriber.h"

#include "VoiceClipStore.h"
#include "VoiceFetcher.h"
#include "app/audio/SpeechPcm.h"
#include "app/storage/CacheWorker.h"

#include <QFile>

namespace {
// A stored clip as engines take it; runs on the engine's thread.
Expected<SpeechAudio, QString> clipAudio(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return file.errorString();
    auto pcm = speechPcm(file.readAll());
    if (!pcm)
        return pcm.error().message;
    return SpeechAudio{std::move(*pcm), 16000};
}
} // namespace

Transcriber::Transcriber(const SpeechEngineFactory *factory, QVariantMap settings,
                         VoiceClipStore &clips, VoiceFetcher &fetcher, CacheWorker *cacheWorker,
                         QObject *parent)
    : QObject(parent)
    , m_factory(factory)
    , m_settings(settings)
    , m_clips(clips)
    , m_fetcher(fetcher)
    , m_cacheWorker(cacheWorker)
    , m_worker(factory, std::move(settings))
{
    connect(&m_fetcher, &VoiceFetcher::fetched, this, [this](qint64 messageId) {
        if (messageId == m_running)
            run(messageId);
        if (m_tryFetching.contains(messageId))
            requestWith(messageId, m_tryFetching.take(messageId));
    });
    connect(&m_fetcher, &VoiceFetcher::failed, this, [this](qint64 messageId, const QString &why) {
        // Not the clip's fault (offline, say): shown, not kept, so it is tried again later.
        if (messageId == m_running)
            finish(messageId, {}, tr("The recording could not be fetched: %1").arg(why), Keep::No);
        if (m_tryFetching.remove(messageId) > 0)
            Q_EMIT tryFailed(messageId, tr("The recording could not be fetched: %1").arg(why));
    });
    connect(&m_worker, &SpeechWorker::progressed, this, [this](qint64 messageId, double fraction) {
        m_progress.insert(messageId, fraction);
        Q_EMIT progressed(messageId, fraction);
    });
    connect(&m_worker, &SpeechWorker::finished, this,
            [this](qint64 messageId, const Transcript &transcript) {
                finish(messageId, transcript, {});
            });
    connect(&m_worker, &SpeechWorker::failed, this,
            [this](qint64 messageId, const QString &reason, bool setup) {
                // The setup's fault, not the clip's: not kept, so a mended model gets to it.
                finish(messageId, {}, reason, setup ? Keep::No : Keep::Yes);
            });
    connect(&m_worker, &SpeechWorker::cancelled, this, [this](qint64 messageId) {
        m_progress.remove(messageId);
        if (messageId == m_running)
            m_running = 0;
        next();
    });
}

Transcriber::~Transcriber() = default;

void Transcriber::setEngine(const SpeechEngineFactory *factory, const QVariantMap &settings)
{
    m_factory = factory;
    m_settings = settings;
    m_worker.reconfigure(factory, settings);
    if (!isLocal())
        m_queue.clear();
}

void Transcriber::setAlternatives(const QList<Alternative> &alternatives)
{
    m_alternatives = alternatives;
}

QList<SpeechEngineInfo> Transcriber::alternatives() const
{
    QList<SpeechEngineInfo> infos;
    for (const Alternative &a : m_alternatives)
        infos << a.factory->info();
    return infos;
}

void Transcriber::requestWith(qint64 messageId, const QString &engineId)
{
    const auto chosen =
        std::find_if(m_alternatives.cbegin(), m_alternatives.cend(),
                     [&](const Alternative &a) { return a.factory->info().id == engineId; });
    if (chosen == m_alternatives.cend() || messageId <= 0)
        return;
    if (!m_clips.contains(messageId)) {
        m_tryFetching.insert(messageId, engineId); // tried again once it is here
        m_fetcher.fetch(messageId);
        return;
    }
    if (!m_tryWorker) {
        m_tryWorker = std::make_unique<SpeechWorker>(chosen->factory, chosen->settings);
        connect(m_tryWorker.get(), &SpeechWorker::finished, this,
                [this](qint64 id, const Transcript &transcript) {
                    // Beside the queue: what the queue is running is not touched.
                    report(id, transcript, {}, Keep::Yes);
                });
        connect(m_tryWorker.get(), &SpeechWorker::failed, this,
                [this](qint64 id, const QString &reason, bool) {
                    // Only shown: the text there stays.
                    m_progress.remove(id);
                    Q_EMIT tryFailed(id, reason);
                });
        connect(m_tryWorker.get(), &SpeechWorker::progressed, this,
                [this](qint64 id, double fraction) {
                    m_progress.insert(id, fraction);
                    Q_EMIT progressed(id, fraction);
                });
    } else if (m_tryWorker->isBusy()) {
        return; // one try at a time
    } else if (m_tryEngine != engineId) {
        m_tryWorker->reconfigure(chosen->factory, chosen->settings);
    }
    m_tryEngine = engineId;
    m_progress.insert(messageId, 0);
    const QString path = m_clips.path(messageId);
    m_tryWorker->run(messageId, [path] { return clipAudio(path); },
                     {chosen->settings.value(QStringLiteral("language")).toString(), {}});
}

void Transcriber::setServerTranscribes(bool transcribes)
{
    m_serverTranscribes = transcribes;
    if (!isLocal())
        m_queue.clear(); // the running one finishes; the server's text arrives anyway
}

bool Transcriber::isLocal() const
{
    return m_factory && (!m_serverTranscribes || m_settings.contains(QStringLiteral("engine")));
}

void Transcriber::request(qint64 messageId)
{
    if (!isLocal() || messageId <= 0 || messageId == m_running || m_queue.contains(messageId))
        return;
    if ((m_tryWorker && m_tryWorker->job() == messageId) || m_tryFetching.contains(messageId))
        return; // another engine is on it at the officer's asking
    m_queue.prepend(messageId);
    if (m_running == 0)
        next();
}

void Transcriber::cancel(qint64 messageId)
{
    m_queue.removeAll(messageId);
    m_progress.remove(messageId);
    if (messageId == m_running && m_worker.job() == messageId) {
        m_worker.cancel(); // ends with cancelled(), then the next one
    } else if (messageId == m_running) {
        m_running = 0; // its clip is still on the way: it will not run when it arrives
        next();
    }
    m_tryFetching.remove(messageId);
    if (m_tryWorker && m_tryWorker->job() == messageId)
        m_tryWorker->cancel();
}

bool Transcriber::isPending(qint64 messageId) const
{
    return messageId == m_running || m_queue.contains(messageId) ||
           (m_tryWorker && m_tryWorker->job() == messageId);
}

void Transcriber::next()
{
    if (m_running != 0 || m_queue.isEmpty())
        return;
    m_running = m_queue.takeFirst();
    if (!m_clips.contains(m_running))
        return m_fetcher.fetch(m_running); // run() when it is here
    run(m_running);
}

void Transcriber::run(qint64 messageId)
{
    const QString path = m_clips.path(messageId);
    m_worker.run(messageId, [path] { return clipAudio(path); },
                 {m_settings.value(QStringLiteral("language")).toString(), {}});
}

void Transcriber::finish(qint64 messageId, const Transcript &transcript, const QString &failure,
                         Keep keep)
{
    if (messageId <= 0)
        return;
    report(messageId, transcript, failure, keep);
    if (messageId == m_running)
        m_running = 0;
    next();
}

void Transcriber::report(qint64 messageId, const Transcript &transcript, const QString &failure,
                         Keep keep)
{
    const QString text = transcript.text();
    // "No speech" is a result too: said once, instead of a blank line under the bubble.
    const QString reason = failure.isEmpty() && text.trimmed().isEmpty()
                               ? tr("No speech was recognised in this recording.")
                               : failure;
    const QString engine =
        transcript.engineId.isEmpty() && m_factory ? m_factory->info().id : transcript.engineId;
    if (keep == Keep::Yes)
        QMetaObject::invokeMethod(m_cacheWorker, [worker = m_cacheWorker, messageId, engine,
                                                  language = transcript.language, text, reason,
                                                  segments = transcript.segmentsJson()] {
            worker->storeTranscript(messageId, engine, language, text, reason, segments);
        });
    m_progress.remove(messageId);
    Q_EMIT transcribed(messageId, reason.isEmpty() ? text : QString(), reason);
}
