#pragma once

#include "app/transcription/SpeechWorker.h"
#include "server/services/ServerContext.h"
#include "server/services/TranscriptionQueue.h"

#include <QObject>
#include <memory>
#include <vector>

// The server's own transcription (docs/protocol.md section 14): voice messages queued by the
// voice service are decoded and transcribed on `workers` engine threads, oldest first, and
// each result is stored once and announced to everyone who sees the consultation. The
// database is touched only on this (the server's) thread; the workers get the clip's bytes.
class TranscriptionPool : public QObject, public TranscriptionQueue
{
    Q_OBJECT
public:
    TranscriptionPool(ServerContext &context, const SpeechEngineFactory &factory,
                      const QVariantMap &settings, const QString &speechLanguage, int workers,
                      QObject *parent = nullptr);
    ~TranscriptionPool() override;

    // Queues the jobs a previous run left pending (stopped mid-job, say).
    void resume();
    void enqueue(qint64 messageId) override;
    QJsonObject description() const override;

    // For the HTTP API: transcribes `audio` ahead of stored messages' turn only when a worker
    // is free, else after them. The callback gets the transcript or the reason there is none.
    using Done = std::function<void(const Transcript &transcript, const QString &failure)>;
    void transcribeAudio(SpeechWorker::AudioSource audio, const QString &language, Done done);

Q_SIGNALS:
    // A stored voice message's transcript was stored (tests and benchmarks wait for this).
    void transcriptStored(qint64 messageId);

private:
    struct Job
    {
        qint64 messageId = 0; // 0: an HTTP request
        SpeechWorker::AudioSource audio;
        QString language;
        Done done;
    };
    void dispatch();
    // keep: store the outcome (false: the job stays pending, for the next start).
    void finished(qint64 jobId, const Transcript &transcript, const QString &failure, bool keep);
    void store(qint64 messageId, const Transcript &transcript, const QString &failure);

    ServerContext &m_ctx;
    const SpeechEngineFactory &m_factory;
    QString m_speechLanguage;
    QString m_modelLanguage;
    std::vector<std::unique_ptr<SpeechWorker>> m_workers;
    QList<Job> m_queue;
    QHash<qint64, Job> m_running; // by job id, which the workers report
    qint64 m_nextJobId = 1;
};
