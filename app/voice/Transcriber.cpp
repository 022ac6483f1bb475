#include "Transcriber.h"

#include "VoiceClipStore.h"
#include "VoiceFetcher.h"
#include "VoiceLog.h"
#include "app/audio/SpeechPcm.h"
#include "app/storage/CacheWorker.h"

#include <QFile>

Transcriber::Transcriber(const SpeechEngineFactory *factory, QVariantMap settings,
                         VoiceClipStore &clips, VoiceFetcher &fetcher, CacheWorker *cacheWorker,
                         QObject *parent)
    : QObject(parent)
    , m_factory(factory)
    , m_settings(std::move(settings))
    , m_clips(clips)
    , m_fetcher(fetcher)
    , m_cacheWorker(cacheWorker)
{
    m_thread.setObjectName(QStringLiteral("transcription"));
    connect(&m_fetcher, &VoiceFetcher::fetched, this, [this](qint64 messageId) {
        if (messageId == m_running)
            run(messageId);
    });
    connect(&m_fetcher, &VoiceFetcher::failed, this, [this](qint64 messageId, const QString &why) {
        // Not the clip's fault (offline, say): shown, not kept, so it is tried again later.
        if (messageId == m_running)
            finish(messageId, {}, tr("The recording could not be fetched: %1").arg(why), Keep::No);
    });
}

Transcriber::~Transcriber()
{
    if (m_engine)
        m_engine->cancel(); // one waiting to start does not; a running clip ends first
    m_thread.quit();
    m_thread.wait();
    delete m_engine; // its thread has ended
}

void Transcriber::request(qint64 messageId)
{
    if (!m_factory || messageId <= 0 || messageId == m_running || m_queue.contains(messageId))
        return;
    m_queue.prepend(messageId);
    if (m_running == 0)
        next();
}

void Transcriber::cancel(qint64 messageId)
{
    m_queue.removeAll(messageId);
    m_progress.remove(messageId);
    if (messageId == m_running && m_engine)
        m_engine->cancel(); // ends with cancelled(), then the next one
}

bool Transcriber::isPending(qint64 messageId) const
{
    return messageId == m_running || m_queue.contains(messageId);
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

void Transcriber::makeEngine()
{
    if (m_making)
        return;
    if (!m_engineError.isEmpty())
        return finish(m_running, {}, m_engineError, Keep::No);
    // Made on the thread that runs it (loading a model takes a while, and engines may keep
    // thread-bound state), then handed back here.
    m_making = true;
    m_thread.start();
    auto *context = new QObject;
    context->moveToThread(&m_thread);
    QMetaObject::invokeMethod(context, [this, context, factory = m_factory, settings = m_settings] {
        QString error;
        SpeechEngine *engine = factory->create(settings, &error).release();
        QMetaObject::invokeMethod(this, [this, engine, error] { adoptEngine(engine, error); });
        context->deleteLater();
    });
}

void Transcriber::adoptEngine(SpeechEngine *engine, const QString &error)
{
    m_making = false;
    if (!engine) {
        m_engineError = error;
        qCWarning(lcVoice) << "no speech engine:" << error;
        // The setup's fault, not the clip's: not kept, so a corrected model gets to it.
        return finish(m_running, {}, error, Keep::No);
    }
    m_engine = engine;
    connect(m_engine, &SpeechEngine::progress, this, [this](double fraction) {
        m_progress.insert(m_running, fraction);
        Q_EMIT progressed(m_running, fraction);
    });
    connect(m_engine, &SpeechEngine::finished, this,
            [this](const Transcript &transcript) { finish(m_running, transcript, {}); });
    connect(m_engine, &SpeechEngine::failed, this,
            [this](const QString &reason) { finish(m_running, {}, reason); });
    connect(m_engine, &SpeechEngine::cancelled, this, [this] {
        m_progress.remove(m_running);
        m_running = 0;
        next();
    });
    if (m_running != 0)
        run(m_running);
}

void Transcriber::run(qint64 messageId)
{
    if (!m_engine)
        return makeEngine(); // and run() again once it is there
    // Decoded on the engine's thread too: a long clip takes a moment.
    SpeechEngine *engine = m_engine;
    QMetaObject::invokeMethod(engine,
                              [this, engine, messageId, path = m_clips.path(messageId),
                               language = m_settings.value(QStringLiteral("language")).toString()] {
                                  QFile file(path);
                                  QString problem;
                                  if (!file.open(QIODevice::ReadOnly)) {
                                      problem = file.errorString();
                                  } else if (const auto pcm = speechPcm(file.readAll()); !pcm) {
                                      problem = pcm.error().message;
                                  } else {
                                      engine->transcribe({language, {}}, SpeechAudio{*pcm, 16000});
                                      return;
                                  }
                                  QMetaObject::invokeMethod(this, [this, messageId, problem] {
                                      finish(messageId, {}, problem);
                                  });
                              });
}

void Transcriber::finish(qint64 messageId, const Transcript &transcript, const QString &failure,
                         Keep keep)
{
    if (messageId <= 0)
        return;
    const QString text = transcript.text();
    // "No speech" is a result too: said once, instead of a blank line under the bubble.
    const QString reason = failure.isEmpty() && text.trimmed().isEmpty()
                               ? tr("No speech was recognised in this recording.")
                               : failure;
    const QString engine =
        transcript.engineId.isEmpty() && m_factory ? m_factory->info().id : transcript.engineId;
    if (keep == Keep::Yes)
        QMetaObject::invokeMethod(m_cacheWorker, [worker = m_cacheWorker, messageId, engine,
                                                  language = transcript.language, text, reason] {
            worker->storeTranscript(messageId, engine, language, text, reason);
        });
    m_progress.remove(messageId);
    if (messageId == m_running)
        m_running = 0;
    Q_EMIT transcribed(messageId, reason.isEmpty() ? text : QString(), reason);
    next();
}
