#pragma once

#include "SpeechEngine.h"
#include "app/core/Expected.h"

#include <QObject>
#include <QThread>
#include <functional>
#include <memory>

// One engine on a thread of its own, running one job at a time: the console's transcriber and
// the server's worker pool both drive engines through this, so that making the engine on its
// thread, decoding there, and telling a clip's failure from the setup's are written once.
// Every run() ends with exactly one of finished(), failed() or cancelled(), with the job's id.
class SpeechWorker : public QObject
{
    Q_OBJECT
public:
    // Called on the worker thread: the audio for the engine, or why there is none (decoding a
    // long clip takes a moment, so it does not run on the caller's thread).
    using AudioSource = std::function<Expected<SpeechAudio, QString>()>;

    SpeechWorker(const SpeechEngineFactory *factory, QVariantMap settings,
                 QObject *parent = nullptr);
    ~SpeechWorker() override;

    bool isBusy() const { return m_job != 0; }
    qint64 job() const { return m_job; }
    // Starts job `id` (> 0); the worker must not be busy.
    void run(qint64 id, AudioSource audio, const SpeechRequest &request);
    // Another engine or other settings from the next job on (the running one finishes with the
    // engine it has).
    void reconfigure(const SpeechEngineFactory *factory, QVariantMap settings);
    // Asks the running job to stop; it ends with cancelled() (or with its result, if the engine
    // had already finished).
    void cancel();

Q_SIGNALS:
    void progressed(qint64 id, double fraction);
    void finished(qint64 id, const Transcript &transcript);
    // `setup`: the engine could not be made (a model missing, say): the clip is not at fault,
    // so a caller keeps it for when the setup is mended.
    void failed(qint64 id, const QString &reason, bool setup);
    void cancelled(qint64 id);

private:
    void makeEngine();
    void adoptEngine(SpeechEngine *engine, const QString &error);
    void start();
    void end(qint64 id);
    void dropStaleEngine();

    const SpeechEngineFactory *m_factory;
    QVariantMap m_settings;
    QThread m_thread;
    SpeechEngine *m_engine = nullptr; // lives on m_thread
    QString m_engineError;            // why the engine could not be made
    bool m_making = false;
    bool m_stale = false;
    std::shared_ptr<QAtomicInt>
        m_stop; // the running job's cancel, seen before the engine starts // the engine was made
                // with settings that have changed since
    qint64 m_job = 0;
    AudioSource m_audio;
    SpeechRequest m_request;
};
