#pragma once

#include "app/transcription/SpeechEngine.h"

#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

// Speech to text by any service with the widely used multipart API, POST
// /v1/audio/transcriptions: whisper.cpp's server, the reference server's own
// (--transcription-port), hosted services. The recording LEAVES THIS COMPUTER: the console's
// Preferences say so where this engine is chosen. The clip is sent as 16 kHz WAV (what
// whisper.cpp's server takes without ffmpeg) asking for verbose_json with word times.
//
// Settings:
//   url        the service: its base ("http://10.0.0.5:8080") or the full endpoint
//   model      sent as "model" (default whisper-1; whisper.cpp ignores it)
//   language   the BCP 47 tag of the speech (default zh-CN), sent as its ISO 639-1 code
//   apiKey     sent as a bearer token; the console reads it from the keychain, never a file
//   timeoutMs  for one attempt (default 120000)
//   attempts   tries for a busy (429), failing (5xx) or unreachable service (default 3),
//              waiting 1 s, 2 s, 4 s … between them, or what Retry-After says (at most 30 s)
class HttpTranscriptionEngine : public SpeechEngine
{
    Q_OBJECT
public:
    struct Service
    {
        QUrl endpoint;
        QString model;
        QString language;
        QByteArray apiKey;
        int timeoutMs = 120000;
        int attempts = 3;
    };
    explicit HttpTranscriptionEngine(Service service, QObject *parent = nullptr);
    ~HttpTranscriptionEngine() override;

    void transcribe(const SpeechRequest &request, const SpeechAudio &audio) override;

    // The transcript in a verbose_json (or json) answer; nothing when it is not one.
    static std::optional<Transcript> parse(const QByteArray &body, const QString &language);

private:
    struct Attempt
    {
        int status = 0; // HTTP status; 0: no answer
        QByteArray body;
        QString networkError; // no answer: why
        bool timedOut = false;
        int retryAfterMs = -1;
    };
    Attempt post(const QByteArray &wav, const QString &language);
    // Waits `ms`, or less when cancelled; false when cancelled.
    bool pause(int ms);

    Service m_service;
    QNetworkAccessManager *m_network = nullptr; // made on the engine's thread, on first use
};

class HttpTranscriptionFactory : public QObject, public SpeechEngineFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID SpeechEngineFactory_iid FILE "http.json")
    Q_INTERFACES(SpeechEngineFactory)
public:
    SpeechEngineInfo info() const override;
    std::unique_ptr<SpeechEngine> create(const QVariantMap &settings,
                                         QString *error) const override;
};
