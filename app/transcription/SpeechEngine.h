#pragma once

#include "app/domain/Transcript.h"

#include <QByteArray>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

#include <memory>

// What an engine says about itself, before any is made: read from the plugin's metadata JSON
// (so that a registry can list engines without loading their models) and checked against what
// the loaded factory reports.
struct SpeechEngineInfo
{
    QString id;             // stable, e.g. "pocketsphinx-en"
    QString name;           // for people, e.g. "PocketSphinx (English)"
    QStringList languages;  // BCP 47 tags it can transcribe
    bool offline = true;    // false: audio leaves this computer (the console asks before use)
    bool streaming = false; // takes audio as it arrives (live captions), not only whole clips
    bool words = false;     // reports words with times and confidence, not only segments
};

// Audio as every engine takes it: 16-bit signed little-endian mono PCM at `sampleRate` (16 kHz
// unless the engine asks otherwise); the caller resamples once, so engines do not each decode
// Ogg Opus.
struct SpeechAudio
{
    QByteArray pcm;
    int sampleRate = 16000;
    qint64 durationMs() const { return pcm.size() / 2 * 1000 / qMax(1, sampleRate); }
    // As a RIFF/WAVE file (16-bit mono PCM): what services over HTTP take.
    QByteArray wav() const;
};

struct SpeechRequest
{
    QString language;    // one of the engine's languages
    QVariantMap options; // engine-specific settings from the console's configuration
};

// One transcription at a time. Made by a factory on the thread that will run it (engines
// block while they work, so the console runs them on a worker thread and talks to them by
// queued signals). Whole clips: transcribe(). Streaming engines also take feed()/finish().
// Every run ends with exactly one of finished(), failed(), unavailable() or cancelled().
class SpeechEngine : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual void transcribe(const SpeechRequest &request, const SpeechAudio &audio) = 0;
    // Streaming: begin, then audio as it arrives, then finish(); segments come as they are
    // found. The default says the engine does not stream.
    virtual void begin(const SpeechRequest &request, int sampleRate);
    virtual void feed(const QByteArray &pcm);
    virtual void finish();
    // Thread-safe: asks the running transcription to stop at its next chance.
    void cancel() { m_cancelled.storeRelaxed(1); }

Q_SIGNALS:
    void progress(double fraction); // 0..1 of the audio handled
    void segmentFound(const TranscriptSegment &segment);
    void finished(const Transcript &transcript);
    void failed(const QString &reason);
    // Ended without a result for a reason that is not the clip's (a service unreachable, busy
    // or refusing the key): the caller tries the clip again later instead of keeping a failure.
    void unavailable(const QString &reason);
    void cancelled();

protected:
    bool isCancelled() const { return m_cancelled.loadRelaxed() != 0; }
    void resetCancel() { m_cancelled.storeRelaxed(0); }

private:
    QAtomicInt m_cancelled;
};

// The interface a plugin implements. Bump the version in the id when it changes, so that an
// old plugin is refused by name instead of crashing a new console.
class SpeechEngineFactory
{
public:
    virtual ~SpeechEngineFactory() = default;
    virtual SpeechEngineInfo info() const = 0;
    // nullptr with `error` set when the engine cannot run here (a model missing, say).
    virtual std::unique_ptr<SpeechEngine> create(const QVariantMap &settings,
                                                 QString *error) const = 0;
};

#define SpeechEngineFactory_iid "org.responder-console.SpeechEngineFactory/1"
Q_DECLARE_INTERFACE(SpeechEngineFactory, SpeechEngineFactory_iid)
