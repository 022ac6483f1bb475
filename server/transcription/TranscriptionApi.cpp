#include "TranscriptionApi.h"

#include "TranscriptionPool.h"
#include "app/audio/SpeechPcm.h"
#include "app/audio/WavPcm.h"
#include "server/http/HttpRequestHead.h"
#include "server/http/HttpResponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace {

constexpr qsizetype maxHeadBytes = 16 * 1024;
constexpr qint64 maxDiscardBytes = 64LL << 20;

struct Part
{
    QByteArray name;
    QByteArray data;
};

QByteArray headerValue(const QList<QByteArray> &lines, const QByteArray &name)
{
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

// multipart/form-data (RFC 7578): the parts' names and bodies; files stay bytes.
QList<Part> formParts(const QByteArray &body, const QByteArray &boundary)
{
    QList<Part> parts;
    const QByteArray delimiter = "--" + boundary;
    qsizetype at = body.indexOf(delimiter);
    while (at >= 0) {
        at += delimiter.size();
        if (body.mid(at, 2) == "--")
            break; // the closing delimiter
        const qsizetype headEnd = body.indexOf("\r\n\r\n", at);
        const qsizetype next = body.indexOf("\r\n" + delimiter, headEnd);
        if (headEnd < 0 || next < 0)
            break;
        const QList<QByteArray> head = body.mid(at, headEnd - at).trimmed().split('\n');
        const QByteArray disposition = headerValue(head, "content-disposition");
        // The parameter "name", not the end of "filename".
        qsizetype nameAt = disposition.indexOf("; name=\"");
        if (nameAt < 0)
            nameAt = disposition.indexOf(";name=\"");
        if (nameAt >= 0) {
            const qsizetype start = disposition.indexOf('"', nameAt) + 1;
            parts.append({disposition.mid(start, disposition.indexOf('"', start) - start),
                          body.mid(headEnd + 4, next - headEnd - 4)});
        }
        at = next + 2;
    }
    return parts;
}

QByteArray field(const QList<Part> &parts, const QByteArray &name)
{
    for (const Part &part : parts) {
        if (part.name == name)
            return part.data;
    }
    return {};
}

double seconds(qint64 ms)
{
    return double(ms) / 1000.0;
}

} // namespace

struct TranscriptionApi::Request
{
    QByteArray buffer;
    bool headRead = false;
    HttpRequestHead head;
    qint64 contentLength = -1;
    qint64 discard = 0;   // answered early: body bytes still to read before closing
    bool handled = false; // the whole request is in: whatever follows is dropped
    QTimer deadline;
};

TranscriptionApi::TranscriptionApi(TranscriptionPool &pool, Options options, QObject *parent)
    : QObject(parent)
    , m_pool(pool)
    , m_options(std::move(options))
{
    connect(&m_server, &QTcpServer::newConnection, this, &TranscriptionApi::onConnection);
}

TranscriptionApi::~TranscriptionApi()
{
    // The sockets (children of the server) go first, without calling back into this.
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it) {
        it.key()->disconnect(this);
        delete it.value();
    }
    m_requests.clear();
}

bool TranscriptionApi::listen(const QHostAddress &address, quint16 port)
{
    return m_server.listen(address, port);
}

void TranscriptionApi::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        // Every connection may buffer a body of up to maxBodyBytes: their number is bounded.
        if (m_requests.size() >= m_options.maxConnections) {
            replyError(socket, 429, QStringLiteral("too many connections; try again shortly"),
                       "rate_limit_exceeded");
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        auto *request = new Request;
        m_requests.insert(socket, request);
        request->deadline.setSingleShot(true);
        connect(&request->deadline, &QTimer::timeout, socket, [socket, request] {
            if (request->discard > 0)
                return socket->abort(); // answered already; the rest of the body is not waited for
            replyError(socket, 408, QStringLiteral("the request took too long"),
                       "invalid_request_error");
        });
        request->deadline.start(m_options.requestTimeoutMs);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadable(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            delete m_requests.take(socket);
            socket->deleteLater();
        });
    }
}

void TranscriptionApi::onReadable(QTcpSocket *socket)
{
    Request *request = m_requests.value(socket);
    if (!request)
        return;
    if (request->handled) {
        socket->readAll(); // one request per connection
        return;
    }
    if (request->discard > 0) {
        // An early answer is written; the client reads it once it has sent its body, so the
        // body is read and dropped (HTTP clients rarely read while they upload).
        request->discard -= socket->readAll().size();
        if (request->discard <= 0)
            socket->disconnectFromHost();
        return;
    }
    request->buffer += socket->readAll();
    if (!request->headRead) {
        const auto parsed = HttpRequestHead::parse(request->buffer, maxHeadBytes);
        switch (parsed.status) {
        case HttpRequestHead::Status::Incomplete:
            return;
        case HttpRequestHead::Status::TooLarge:
            return replyError(socket, 431, QString::fromLatin1(parsed.error),
                              "invalid_request_error");
        case HttpRequestHead::Status::Malformed:
            return replyError(socket, 400, QString::fromLatin1(parsed.error),
                              "invalid_request_error");
        case HttpRequestHead::Status::Complete:
            break;
        }
        request->head = parsed.head;
        request->buffer.remove(0, parsed.length);
        request->headRead = true;
        bool ok = false;
        request->contentLength = request->head.field("content-length").toLongLong(&ok);
        // Refused before the body is stored: the route, the key, the size.
        const auto refuse = [&](int status, const QString &message, const QByteArray &type) {
            replyError(socket, status, message, type, false);
            // Up to what an honest client sends; a larger body is not waited for.
            request->discard = ok && request->contentLength <= maxDiscardBytes
                                   ? request->contentLength - request->buffer.size()
                                   : 0;
            request->buffer.clear();
            if (request->discard <= 0)
                socket->disconnectFromHost();
        };
        if (request->head.method != "POST" || request->head.path() != "/v1/audio/transcriptions")
            return refuse(404, QStringLiteral("only POST /v1/audio/transcriptions"),
                          "invalid_request_error");
        if (!m_options.key.isEmpty() &&
            request->head.field("authorization") != "Bearer " + m_options.key)
            return refuse(401, QStringLiteral("a valid API key is required"), "invalid_api_key");
        if (!ok || request->contentLength < 0)
            return refuse(411, QStringLiteral("Content-Length is required"),
                          "invalid_request_error");
        // Audio waits in memory for its turn: beyond a few requests, the client is told to
        // come back (429 with Retry-After, which the console's HTTP engine honours).
        if (m_waiting >= m_options.maxQueued)
            return refuse(429, QStringLiteral("the engine is busy; try again shortly"),
                          "rate_limit_exceeded");
        if (request->contentLength > m_options.maxBodyBytes)
            return refuse(
                413,
                QStringLiteral("the request is larger than %1 bytes").arg(m_options.maxBodyBytes),
                "invalid_request_error");
    }
    if (request->buffer.size() < request->contentLength)
        return;
    request->deadline.stop();
    request->handled = true;
    handle(socket, *request);
    request->buffer.clear();
}

void TranscriptionApi::handle(QTcpSocket *socket, Request &request)
{
    const QByteArray type = request.head.field("content-type");
    const qsizetype boundaryAt = type.indexOf("boundary=");
    if (!type.startsWith("multipart/form-data") || boundaryAt < 0)
        return replyError(socket, 400, QStringLiteral("expected multipart/form-data"),
                          "invalid_request_error");
    QByteArray boundary = type.mid(boundaryAt + 9);
    if (boundary.startsWith('"'))
        boundary = boundary.mid(1, boundary.indexOf('"', 1) - 1);
    const QList<Part> parts = formParts(request.buffer.left(request.contentLength), boundary);
    const QByteArray file = field(parts, "file");
    if (file.isEmpty())
        return replyError(socket, 400, QStringLiteral("the 'file' field is missing"),
                          "invalid_request_error");
    const QByteArray format = field(parts, "response_format").isEmpty()
                                  ? QByteArray("json")
                                  : field(parts, "response_format");
    if (format != "json" && format != "text" && format != "verbose_json")
        return replyError(socket, 400,
                          QStringLiteral("response_format: json, text or verbose_json"),
                          "invalid_request_error");
    bool words = false;
    for (const Part &part : parts)
        words = words || (part.name == "timestamp_granularities[]" && part.data == "word");
    // ISO 639-1 ("en") as the API has it, or a BCP 47 tag; the engine's model decides anyway.
    const QString language = QString::fromUtf8(field(parts, "language"));

    QPointer<QTcpSocket> guard(socket);
    ++m_waiting;
    m_pool.transcribeAudio(
        [file]() -> Expected<SpeechAudio, QString> {
            auto pcm = file.startsWith("RIFF") ? speechPcmFromWav(file) : speechPcm(file);
            if (!pcm)
                return pcm.error().message;
            return SpeechAudio{std::move(*pcm), 16000};
        },
        {},
        [this, guard, format, words, language](const Transcript &transcript,
                                               const QString &failure) {
            --m_waiting;
            if (!guard)
                return; // the client went away
            if (!failure.isEmpty())
                return replyError(guard, 400, failure, "invalid_request_error");
            const QString text = transcript.text();
            if (format == "text")
                return reply(guard, 200, "text/plain; charset=utf-8", text.toUtf8() + '\n');
            QJsonObject body{{QStringLiteral("text"), text}};
            if (format == "verbose_json") {
                QJsonArray segments;
                QJsonArray wordList;
                qint64 end = 0;
                for (const TranscriptSegment &s : transcript.segments) {
                    segments.append(QJsonObject{{QStringLiteral("id"), segments.size()},
                                                {QStringLiteral("start"), seconds(s.startMs)},
                                                {QStringLiteral("end"), seconds(s.endMs)},
                                                {QStringLiteral("text"), s.text}});
                    for (const TranscriptWord &w : s.words)
                        wordList.append(QJsonObject{{QStringLiteral("word"), w.text},
                                                    {QStringLiteral("start"), seconds(w.startMs)},
                                                    {QStringLiteral("end"), seconds(w.endMs)}});
                    end = qMax(end, s.endMs);
                }
                body.insert(QStringLiteral("task"), QStringLiteral("transcribe"));
                body.insert(QStringLiteral("language"),
                            language.isEmpty() ? transcript.language : language);
                body.insert(QStringLiteral("duration"), seconds(end));
                body.insert(QStringLiteral("segments"), segments);
                if (words)
                    body.insert(QStringLiteral("words"), wordList);
            }
            reply(guard, 200, "application/json",
                  QJsonDocument(body).toJson(QJsonDocument::Compact));
        });
}

void TranscriptionApi::reply(QTcpSocket *socket, int status, const QByteArray &contentType,
                             const QByteArray &body, bool close)
{
    HttpResponse response;
    response.status = status;
    response.add("Content-Type", contentType);
    if (status == 429)
        response.add("Retry-After", "5");
    response.body = body;
    socket->write(response.serialize());
    if (close)
        socket->disconnectFromHost();
}

void TranscriptionApi::replyError(QTcpSocket *socket, int status, const QString &message,
                                  const QByteArray &type, bool close)
{
    const QJsonObject error{{QStringLiteral("error"),
                             QJsonObject{{QStringLiteral("message"), message},
                                         {QStringLiteral("type"), QString::fromLatin1(type)}}}};
    reply(socket, status, "application/json", QJsonDocument(error).toJson(QJsonDocument::Compact),
          close);
}
