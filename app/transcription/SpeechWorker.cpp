#include "SpeechWorker.h"

#include "TranscriptionLog.h"

SpeechWorker::SpeechWorker(const SpeechEngineFactory *factory, QVariantMap settings,
                           QObject *parent)
    : QObject(parent)
    , m_factory(factory)
    , m_settings(std::move(settings))
{
    m_thread.setObjectName(QStringLiteral("speech"));
}

SpeechWorker::~SpeechWorker()
{
    if (m_engine)
        m_engine->cancel(); // a running clip stops at its next chance
    m_thread.quit();
    m_thread.wait();
    delete m_engine; // its thread has ended
}

void SpeechWorker::run(qint64 id, AudioSource audio, const SpeechRequest &request)
{
    Q_ASSERT(id > 0 && m_job == 0);
    m_job = id;
    m_audio = std::move(audio);
    m_request = request;
    if (!m_engine)
        return makeEngine(); // start() once it is there
    start();
}

void SpeechWorker::reconfigure(const SpeechEngineFactory *factory, QVariantMap settings)
{
    m_factory = factory;
    m_settings = std::move(settings);
    m_engineError.clear();
    m_stale = true;
    dropStaleEngine();
}

void SpeechWorker::dropStaleEngine()
{
    if (!m_stale || m_job != 0 || m_making)
        return;
    if (m_engine)
        m_engine->deleteLater(); // on its own thread; idle now
    m_engine = nullptr;
    m_stale = false;
}

void SpeechWorker::cancel()
{
    if (m_job == 0)
        return;
    if (m_engine) {
        if (m_stop)
            m_stop->storeRelaxed(1);
        m_engine->cancel(); // ends with cancelled() from the engine
        return;
    }
    // Still waiting for the engine to be made: nothing runs yet.
    const qint64 id = m_job;
    end(id);
    Q_EMIT cancelled(id);
}

void SpeechWorker::makeEngine()
{
    if (!m_factory)
        m_engineError = tr("No speech engine is installed.");
    if (!m_engineError.isEmpty()) {
        const qint64 id = m_job;
        end(id);
        // Said from the event loop, not from inside run(): a caller that starts the next job
        // on failed() would otherwise recurse once per queued job.
        QMetaObject::invokeMethod(
            this, [this, id, error = m_engineError] { Q_EMIT failed(id, error, true); },
            Qt::QueuedConnection);
        return;
    }
    if (m_making)
        return;
    // Made on the thread that runs it: loading a model takes a while, and engines may keep
    // thread-bound state.
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

void SpeechWorker::adoptEngine(SpeechEngine *engine, const QString &error)
{
    m_making = false;
    if (engine && m_stale) { // made with the settings before the last reconfigure()
        engine->deleteLater();
        m_stale = false;
        if (m_job != 0)
            makeEngine();
        return;
    }
    if (!engine) {
        m_engineError = error.isEmpty() ? tr("The speech engine could not be started.") : error;
        qCWarning(lcTranscription) << "no speech engine:" << m_engineError;
        if (m_job != 0)
            makeEngine(); // reports the failure
        return;
    }
    m_engine = engine;
    connect(m_engine, &SpeechEngine::progress, this, [this](double fraction) {
        if (m_job != 0)
            Q_EMIT progressed(m_job, fraction);
    });
    connect(m_engine, &SpeechEngine::finished, this, [this](const Transcript &transcript) {
        const qint64 id = m_job;
        end(id);
        Q_EMIT finished(id, transcript);
    });
    connect(m_engine, &SpeechEngine::failed, this, [this](const QString &reason) {
        const qint64 id = m_job;
        end(id);
        Q_EMIT failed(id, reason, false);
    });
    connect(m_engine, &SpeechEngine::unavailable, this, [this](const QString &reason) {
        const qint64 id = m_job;
        end(id);
        Q_EMIT failed(id, reason, true); // not the clip's fault: tried again later
    });
    connect(m_engine, &SpeechEngine::cancelled, this, [this] {
        const qint64 id = m_job;
        end(id);
        Q_EMIT cancelled(id);
    });
    if (m_job != 0)
        start();
}

void SpeechWorker::start()
{
    SpeechEngine *engine = m_engine;
    m_stop = std::make_shared<QAtomicInt>(0);
    QMetaObject::invokeMethod(engine, [this, engine, audio = std::move(m_audio),
                                       request = m_request, id = m_job, stop = m_stop] {
        const auto pcm = audio();
        // Cancelled while the clip was decoded: the engine never starts (it would clear
        // the request when it begins).
        if (stop->loadRelaxed()) {
            QMetaObject::invokeMethod(this, [this, id] {
                if (m_job != id)
                    return;
                end(id);
                Q_EMIT cancelled(id);
            });
            return;
        }
        if (pcm) {
            engine->transcribe(request, *pcm);
            return;
        }
        QMetaObject::invokeMethod(this, [this, id, problem = pcm.error()] {
            if (m_job != id)
                return;
            end(id);
            Q_EMIT failed(id, problem, false);
        });
    });
    m_audio = nullptr;
}

void SpeechWorker::end(qint64 id)
{
    if (id != 0 && m_job == id)
        m_job = 0;
    dropStaleEngine();
}
