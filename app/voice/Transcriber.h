#pragma once

#include "app/transcription/SpeechWorker.h"

#include <QHash>
#include <QObject>
#include <QVariantMap>

#include <memory>

class CacheWorker;
class VoiceClipStore;
class VoiceFetcher;

// Turns voice messages into text on this workstation, one at a time, in the background: the
// clip (fetched first when it is not here yet) is brought to the engine's 16 kHz and handed to
// the engine on a worker thread of its own, so the window never waits; the transcript, or the
// one line saying why there is none, is kept in the cache. What still needs doing is whatever
// voice message has no transcript in the cache, so the work survives a restart by itself:
// the conversation asks again for what it shows.
class Transcriber : public QObject
{
    Q_OBJECT
public:
    // `factory` may be null (no engine installed): nothing is queued then.
    Transcriber(const SpeechEngineFactory *factory, QVariantMap settings, VoiceClipStore &clips,
                VoiceFetcher &fetcher, CacheWorker *cacheWorker, QObject *parent = nullptr);
    ~Transcriber() override;

    bool hasEngine() const { return m_factory != nullptr; }
    // Another engine (or none) from the next job on: the officer changed the preferences.
    void setEngine(const SpeechEngineFactory *factory, const QVariantMap &settings);
    // The engines an officer may try on one clip ("turn into text again with…"), with the
    // settings each is made with.
    struct Alternative
    {
        const SpeechEngineFactory *factory = nullptr;
        QVariantMap settings;
    };
    void setAlternatives(const QList<Alternative> &alternatives);
    QList<SpeechEngineInfo> alternatives() const;
    // Transcribes this message again with the engine of that id, beside the queue; its text
    // replaces what is there (a correction stays what is shown).
    void requestWith(qint64 messageId, const QString &engineId);
    // The server transcribes voice messages itself (its hello says so): this workstation then
    // leaves them to it, unless the settings name a local engine on purpose ("engine").
    void setServerTranscribes(bool transcribes);
    bool isLocal() const;
    // Queued once however often asked; the newest request goes first (what the officer opened).
    void request(qint64 messageId);
    // Stops a queued or running transcription of that message.
    void cancel(qint64 messageId);
    bool isPending(qint64 messageId) const;
    // 0..1 for the running one; 0 for one waiting its turn.
    double progressOf(qint64 messageId) const { return m_progress.value(messageId); }

Q_SIGNALS:
    void progressed(qint64 messageId, double fraction);
    // Done: what was heard, or (failure set) why nothing was.
    void transcribed(qint64 messageId, const QString &text, const QString &failure);
    // requestWith() did not work out; what is there stays.
    void tryFailed(qint64 messageId, const QString &reason);

private:
    void next();
    void run(qint64 messageId);
    // Keep::No: a failure that is not the clip's (no network, no engine): shown, not stored,
    // so that the message is tried again when its conversation is next opened.
    enum class Keep
    {
        Yes,
        No
    };
    void finish(qint64 messageId, const Transcript &transcript, const QString &failure,
                Keep keep = Keep::Yes);
    // Stores (Keep::Yes) and announces a result, without touching the queue.
    void report(qint64 messageId, const Transcript &transcript, const QString &failure, Keep keep);

    const SpeechEngineFactory *m_factory;
    QVariantMap m_settings;
    VoiceClipStore &m_clips;
    VoiceFetcher &m_fetcher;
    CacheWorker *m_cacheWorker;
    SpeechWorker m_worker;
    QList<Alternative> m_alternatives;
    std::unique_ptr<SpeechWorker> m_tryWorker; // for requestWith(), made on first use
    QString m_tryEngine;
    QHash<qint64, QString> m_tryFetching; // tries waiting for their clip: engine ids
    QList<qint64> m_queue;
    bool m_serverTranscribes = false;
    qint64 m_running = 0;
    QHash<qint64, double> m_progress;
};
