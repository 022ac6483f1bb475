#include "TranscriptionPool.h"

#include "app/audio/SpeechPcm.h"
#include "server/storage/WriteTransaction.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcServerTranscription, "consult.server.transcription")

namespace {
// The failure codes of protocol section 14; clients word them in their own language.
QString failureNoSpeech()
{
    return QStringLiteral("no_speech");
}
QString failureUnreadable()
{
    return QStringLiteral("unreadable");
}
} // namespace

TranscriptionPool::TranscriptionPool(ServerContext &context, const SpeechEngineFactory &factory,
                                     const QVariantMap &settings, const QString &speechLanguage,
                                     int workers, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
    , m_factory(factory)
    , m_speechLanguage(speechLanguage)
    , m_modelLanguage(
          settings.value(QStringLiteral("language"), factory.info().languages.value(0)).toString())
{
    for (int i = 0; i < qMax(1, workers); ++i) {
        auto worker = std::make_unique<SpeechWorker>(&m_factory, settings);
        connect(worker.get(), &SpeechWorker::finished, this,
                [this](qint64 job, const Transcript &transcript) {
                    finished(job, transcript, {}, true);
                });
        connect(worker.get(), &SpeechWorker::failed, this,
                [this](qint64 job, const QString &reason, bool setup) {
                    // The setup's fault (no model): the job stays pending for the next start.
                    if (setup)
                        qCCritical(lcServerTranscription).noquote()
                            << "the speech engine cannot run:" << reason;
                    else
                        qCWarning(lcServerTranscription).noquote()
                            << "job" << job << "failed:" << reason;
                    finished(job, {}, setup ? reason : failureUnreadable(), !setup);
                });
        // Only at shutdown: the job stays pending and runs again after the restart.
        connect(worker.get(), &SpeechWorker::cancelled, this,
                [this](qint64 job) { finished(job, {}, QStringLiteral("cancelled"), false); });
        m_workers.push_back(std::move(worker));
    }
}

TranscriptionPool::~TranscriptionPool() = default;

void TranscriptionPool::resume()
{
    const QList<qint64> pending = m_ctx.transcripts.pending();
    if (!pending.isEmpty())
        qCInfo(lcServerTranscription) << "resuming" << pending.size() << "pending transcriptions";
    for (qint64 id : pending)
        enqueue(id);
}

void TranscriptionPool::enqueue(qint64 messageId)
{
    // Only the id waits: the clip is read when a worker is free, so a backlog after a restart
    // holds no recordings in memory.
    Job job;
    job.messageId = messageId;
    job.language = m_modelLanguage;
    m_queue.append(std::move(job));
    dispatch();
}

void TranscriptionPool::transcribeAudio(SpeechWorker::AudioSource audio, const QString &language,
                                        Done done)
{
    Job job;
    job.audio = std::move(audio);
    job.language = language.isEmpty() ? m_modelLanguage : language;
    job.done = std::move(done);
    m_queue.append(std::move(job));
    dispatch();
}

QJsonObject TranscriptionPool::description() const
{
    return {{QStringLiteral("engine"), m_factory.info().id},
            {QStringLiteral("language"), m_speechLanguage},
            {QStringLiteral("workers"), static_cast<int>(m_workers.size())}};
}

void TranscriptionPool::dispatch()
{
    for (const auto &worker : m_workers) {
        if (m_queue.isEmpty())
            return;
        if (worker->isBusy())
            continue;
        Job job = m_queue.takeFirst();
        if (!job.audio) {
            // A stored message: its clip is read here, on the database's thread; decoding
            // runs on the worker's.
            const auto clip = m_ctx.messages.voiceClipData(job.messageId);
            if (!clip) {
                store(job.messageId, {}, failureUnreadable());
                return dispatch();
            }
            job.audio = [clip = *clip]() -> Expected<SpeechAudio, QString> {
                auto pcm = speechPcm(clip);
                if (!pcm)
                    return pcm.error().message;
                return SpeechAudio{std::move(*pcm), 16000};
            };
        }
        const qint64 jobId = m_nextJobId++;
        SpeechWorker::AudioSource audio = std::move(job.audio);
        const SpeechRequest request{job.language, {}};
        m_running.insert(jobId, std::move(job));
        worker->run(jobId, std::move(audio), request);
    }
}

void TranscriptionPool::finished(qint64 jobId, const Transcript &transcript, const QString &failure,
                                 bool keep)
{
    const Job job = m_running.take(jobId);
    if (job.done)
        job.done(transcript, failure);
    else if (job.messageId > 0 && keep)
        store(job.messageId, transcript, failure);
    dispatch();
}

void TranscriptionPool::store(qint64 messageId, const Transcript &transcript,
                              const QString &failure)
{
    Transcript machine = transcript;
    if (machine.engineId.isEmpty())
        machine.engineId = m_factory.info().id;
    if (machine.language.isEmpty())
        machine.language = m_modelLanguage;
    const bool heard = failure.isEmpty() && !machine.text().trimmed().isEmpty();
    // "No speech" is a result too: kept as a failure, not as an empty text.
    const QString reason = heard ? QString() : (failure.isEmpty() ? failureNoSpeech() : failure);
    WriteTransaction transaction(m_ctx.database);
    const auto stored =
        transaction.isOpen()
            ? m_ctx.transcripts.finish(
                  messageId, heard ? TranscriptState::Done : TranscriptState::Failed,
                  heard ? machine : Transcript{machine.engineId, machine.language, {}}, reason,
                  ServerContext::now())
            : std::nullopt;
    if (!stored || !transaction.commit()) {
        qCWarning(lcServerTranscription) << "transcript of message" << messageId
                                         << "not stored (finished before, or the database"
                                         << "refused)";
        return;
    }
    if (const auto consultation = m_ctx.consultations.find(stored->consultationId))
        m_ctx.events.transcriptChanged(*consultation, *stored);
    Q_EMIT transcriptStored(messageId);
}
