#include "HttpTranscriptionEngine.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>

namespace {

qint64 ms(const QJsonValue &seconds)
{
    return qint64(seconds.toDouble() * 1000.0 + 0.5);
}

QHttpPart textPart(const QByteArray &name, const QByteArray &value)
{
    QHttpPart part;
    part.setHeader(QNetworkRequest::ContentDispositionHeader,
                   QByteArray("form-data; name=\"") + name + '"');
    part.setBody(value);
    return part;
}

} // namespace

HttpTranscriptionEngine::HttpTranscriptionEngine(Service service, QObject *parent)
    : SpeechEngine(parent)
    , m_service(std::move(service))
{}

HttpTranscriptionEngine::~HttpTranscriptionEngine() = default;

std::optional<Transcript> HttpTranscriptionEngine::parse(const QByteArray &body,
                                                         const QString &language)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject() ||
        !document.object().value(QLatin1String("text")).isString())
        return std::nullopt;
    const QJsonObject answer = document.object();
    Transcript transcript;
    transcript.language = language;
    for (const QJsonValue &value : answer.value(QLatin1String("segments")).toArray()) {
        const QJsonObject s = value.toObject();
        transcript.segments << TranscriptSegment{
            ms(s.value(QLatin1String("start"))),
            ms(s.value(QLatin1String("end"))),
            s.value(QLatin1String("text")).toString().trimmed(),
            -1,
            {}};
    }
    if (transcript.segments.isEmpty())
        transcript.segments << TranscriptSegment{
            0, 0, answer.value(QLatin1String("text")).toString().trimmed(), -1, {}};
    // Words come as one list beside the segments: each goes to the segment it starts in.
    for (const QJsonValue &value : answer.value(QLatin1String("words")).toArray()) {
        const QJsonObject w = value.toObject();
        const TranscriptWord word{w.value(QLatin1String("word")).toString().trimmed(),
                                  ms(w.value(QLatin1String("start"))),
                                  ms(w.value(QLatin1String("end"))), -1};
        auto into = transcript.segments.end() - 1;
        for (auto s = transcript.segments.begin(); s != transcript.segments.end(); ++s) {
            if (word.startMs < s->endMs) {
                into = s;
                break;
            }
        }
        into->words << word;
    }
    return transcript;
}

bool HttpTranscriptionEngine::pause(int ms)
{
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < ms) {
        if (isCancelled())
            return false;
        QThread::msleep(50);
    }
    return !isCancelled();
}

HttpTranscriptionEngine::Attempt HttpTranscriptionEngine::post(const QByteArray &wav,
                                                               const QString &language)
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    auto *form = new QHttpMultiPart(QHttpMultiPart::FormDataType);
    QHttpPart file;
    file.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("audio/wav"));
    file.setHeader(QNetworkRequest::ContentDispositionHeader,
                   QByteArray("form-data; name=\"file\"; filename=\"voice.wav\""));
    file.setBody(wav);
    form->append(file);
    form->append(textPart("model", m_service.model.toUtf8()));
    form->append(textPart("language", language.section(u'-', 0, 0).toLower().toUtf8()));
    form->append(textPart("response_format", "verbose_json"));
    form->append(textPart("timestamp_granularities[]", "segment"));
    form->append(textPart("timestamp_granularities[]", "word"));

    QNetworkRequest request(m_service.endpoint);
    if (!m_service.apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_service.apiKey);
    request.setTransferTimeout(m_service.timeoutMs);
    QNetworkReply *reply = m_network->post(request, form);
    form->setParent(reply);

    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer cancelWatch; // cancel() comes from another thread as a flag
    connect(&cancelWatch, &QTimer::timeout, &loop, [this, reply] {
        if (isCancelled())
            reply->abort();
    });
    cancelWatch.start(100);
    loop.exec();

    Attempt attempt;
    attempt.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    attempt.body = reply->readAll();
    // The transfer timeout aborts the reply (OperationCanceledError in Qt 6.4).
    attempt.timedOut = (reply->error() == QNetworkReply::OperationCanceledError ||
                        reply->error() == QNetworkReply::TimeoutError) &&
                       !isCancelled();
    if (attempt.status == 0)
        attempt.networkError = reply->errorString();
    bool ok = false;
    const int retryAfter = reply->rawHeader("Retry-After").toInt(&ok);
    if (ok)
        attempt.retryAfterMs = qBound(0, retryAfter, 30) * 1000;
    reply->deleteLater();
    return attempt;
}

void HttpTranscriptionEngine::transcribe(const SpeechRequest &request, const SpeechAudio &audio)
{
    resetCancel();
    const QString language = request.language.isEmpty() ? m_service.language : request.language;
    const QByteArray wav = audio.wav();
    const QString where = m_service.endpoint.toString(QUrl::RemoveUserInfo);
    Attempt attempt;
    int tries = 0;
    for (int delayMs = 1000; tries < m_service.attempts; delayMs *= 2) {
        ++tries;
        Q_EMIT progress(0.1);
        attempt = post(wav, language);
        if (isCancelled())
            return Q_EMIT cancelled();
        // Worth another try: a busy or failing service, or none answering.
        const bool transient =
            attempt.status == 429 || attempt.status >= 500 || attempt.status == 0;
        if (!transient || tries == m_service.attempts)
            break;
        if (!pause(attempt.retryAfterMs >= 0 ? attempt.retryAfterMs : delayMs))
            return Q_EMIT cancelled();
    }
    if (attempt.status == 200) {
        auto transcript = parse(attempt.body, language);
        if (!transcript)
            return Q_EMIT failed(
                tr("The transcription service at %1 answered something that is not a transcript.")
                    .arg(where));
        transcript->engineId = QStringLiteral("http");
        Q_EMIT progress(1.0);
        return Q_EMIT finished(*transcript);
    }
    // The service's state, not the clip's: the console tries the clip again later.
    QString busy;
    if (attempt.status == 401 || attempt.status == 403)
        busy = tr("The transcription service refused the API key (HTTP %1). Check the key in "
                  "Preferences.")
                   .arg(attempt.status);
    else if (attempt.status == 429)
        busy = tr("The transcription service is busy (HTTP 429). Attempts: %1.").arg(tries);
    else if (attempt.status >= 500)
        busy = tr("The transcription service failed (HTTP %1). Attempts: %2.")
                   .arg(attempt.status)
                   .arg(tries);
    else if (attempt.timedOut)
        busy = tr("The transcription service at %1 did not answer within %2 s. Attempts: %3.")
                   .arg(where)
                   .arg(m_service.timeoutMs / 1000)
                   .arg(tries);
    else if (attempt.status == 0)
        busy = tr("The transcription service at %1 cannot be reached: %2")
                   .arg(where, attempt.networkError);
    if (!busy.isEmpty())
        return Q_EMIT unavailable(busy);
    // The clip's: too large, or refused.
    const QString reason =
        attempt.status == 413
            ? tr("The recording is larger than the transcription service accepts (HTTP 413).")
            : tr("The transcription service refused the recording (HTTP %1).").arg(attempt.status);
    Q_EMIT failed(reason);
}

SpeechEngineInfo HttpTranscriptionFactory::info() const
{
    return {QStringLiteral("http"),
            tr("Transcription service over HTTP"),
            {QStringLiteral("zh-CN"), QStringLiteral("en-US")},
            false,
            false,
            true};
}

std::unique_ptr<SpeechEngine> HttpTranscriptionFactory::create(const QVariantMap &settings,
                                                               QString *error) const
{
    HttpTranscriptionEngine::Service service;
    QUrl url(settings.value(QStringLiteral("url")).toString());
    if (!url.isValid() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        if (error)
            *error = tr("No transcription service is set: give its http:// or https:// address "
                        "in Preferences.");
        return nullptr;
    }
    if (!url.path().endsWith(QLatin1String("/audio/transcriptions")))
        url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) +
                    QStringLiteral("/v1/audio/transcriptions"));
    service.endpoint = url;
    service.model = settings.value(QStringLiteral("model"), QStringLiteral("whisper-1")).toString();
    service.language =
        settings.value(QStringLiteral("language"), QStringLiteral("zh-CN")).toString();
    service.apiKey = settings.value(QStringLiteral("apiKey")).toString().toUtf8();
    service.timeoutMs = qMax(1000, settings.value(QStringLiteral("timeoutMs"), 120000).toInt());
    service.attempts = qBound(1, settings.value(QStringLiteral("attempts"), 3).toInt(), 10);
    return std::make_unique<HttpTranscriptionEngine>(std::move(service));
}
