#include "WebSite.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcWeb, "consult.server.web")

namespace {

QByteArray typeFor(const QString &name)
{
    static const QHash<QString, QByteArray> types{
        {QStringLiteral("html"), "text/html; charset=utf-8"},
        {QStringLiteral("js"), "text/javascript; charset=utf-8"},
        {QStringLiteral("mjs"), "text/javascript; charset=utf-8"},
        {QStringLiteral("css"), "text/css; charset=utf-8"},
        {QStringLiteral("json"), "application/json"},
        {QStringLiteral("webmanifest"), "application/manifest+json"},
        {QStringLiteral("svg"), "image/svg+xml"},
        {QStringLiteral("png"), "image/png"},
        {QStringLiteral("wasm"), "application/wasm"},
        {QStringLiteral("txt"), "text/plain; charset=utf-8"},
    };
    return types.value(name.section(QLatin1Char('.'), -1).toLower());
}

// Headers on every answer. The policy allows the page's own scripts, styles, workers and
// WebAssembly, its own WebSocket (CSP 3's 'self' covers ws: and wss: to the same host), media
// decoded in the page (blob:), and nothing else: no inline script or style, no other origin,
// no framing.
void addPolicy(HttpResponse &response)
{
    response.add("Content-Security-Policy", WebSite::contentSecurityPolicy());
    response.add("Permissions-Policy", "microphone=(self), camera=(), geolocation=()");
    response.add("X-Content-Type-Options", "nosniff");
    response.add("Referrer-Policy", "no-referrer");
    response.add("Cross-Origin-Opener-Policy", "same-origin");
    response.add("Cross-Origin-Resource-Policy", "same-origin");
    response.add("X-Frame-Options", "DENY");
}

// If-None-Match (RFC 9110 section 13.1.2): "*" or a list of tags, compared weakly.
bool matchesTag(const QByteArray &condition, const QByteArray &etag)
{
    const QList<QByteArray> tags = condition.split(',');
    return std::any_of(tags.cbegin(), tags.cend(), [&etag](const QByteArray &item) {
        const QByteArray tag = item.trimmed();
        return tag == "*" || tag == etag || tag == "W/" + etag;
    });
}

} // namespace

WebSite::WebSite(const QString &resourceRoot)
{
    QDirIterator it(resourceRoot, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QByteArray type = typeFor(path);
        if (type.isEmpty()) {
            qCWarning(lcWeb).noquote() << "not serving" << path << "(unknown type)";
            continue;
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        File entry;
        entry.type = type;
        entry.bytes = file.readAll();
        // A strong validator from the content: the files never change while the server runs,
        // and a new server version with a changed file gets a new tag.
        entry.etag =
            '"' +
            QCryptographicHash::hash(entry.bytes, QCryptographicHash::Sha256).toHex().left(32) +
            '"';
        m_files.insert(path.mid(resourceRoot.size()).toUtf8(), entry);
    }
    if (m_files.contains("/index.html"))
        m_files.insert("/", m_files.value("/index.html"));
}

QByteArray WebSite::contentSecurityPolicy()
{
    return "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
           "img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; "
           "worker-src 'self'; manifest-src 'self'; font-src 'self'; base-uri 'none'; "
           "form-action 'none'; frame-ancestors 'none'";
}

HttpResponse WebSite::refusal(int status, const QByteArray &why)
{
    HttpResponse response;
    response.status = status;
    addPolicy(response);
    response.add("Content-Type", "text/plain; charset=utf-8");
    response.add("Cache-Control", "no-store");
    response.body = why + '\n';
    return response;
}

HttpResponse WebSite::respond(const HttpRequestHead &request) const
{
    if (request.method != "GET" && request.method != "HEAD") {
        HttpResponse response = refusal(405, "only GET and HEAD");
        response.add("Allow", "GET, HEAD");
        return response;
    }
    // The page has no forms and no uploads: a request with a body is not one of its own.
    if (request.announcesBody())
        return refusal(400, "a GET or HEAD request has no body");
    const auto file = m_files.constFind(request.path());
    if (file == m_files.cend())
        return refusal(404, "not found");

    HttpResponse response;
    addPolicy(response);
    response.add("Content-Type", file->type);
    response.add("ETag", file->etag);
    // Names carry no version, so every use asks whether the file changed (a 304 costs a round
    // trip and no body); a new server version is picked up at once.
    response.add("Cache-Control", "no-cache");
    if (matchesTag(request.field("if-none-match"), file->etag)) {
        response.status = 304;
        return response;
    }
    response.body = file->bytes;
    return response;
}
