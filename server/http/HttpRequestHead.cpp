#include "HttpRequestHead.h"

#include <algorithm>

namespace {

// RFC 9110 section 5.6.2: tchar.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

// Visible ASCII and the obsolete text range (bytes >= 0x80); tabs and spaces inside values.
bool isFieldValue(QByteArrayView text)
{
    return std::all_of(text.begin(), text.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u == '\t' || u >= 0x20 ? u != 0x7f : false;
    });
}

// The request target in origin form: an absolute path, optionally a query; visible ASCII only.
bool isOriginForm(QByteArrayView target)
{
    if (!target.startsWith('/'))
        return false;
    return std::all_of(target.begin(), target.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u > 0x20 && u < 0x7f;
    });
}

// Whether a comma-separated field value lists this token (case-insensitively).
bool listsToken(const QByteArray &value, QByteArrayView token)
{
    const QList<QByteArray> items = value.split(',');
    return std::any_of(items.cbegin(), items.cend(), [token](const QByteArray &item) {
        return item.trimmed().compare(token, Qt::CaseInsensitive) == 0;
    });
}

HttpRequestHead::Parsed failure(HttpRequestHead::Status status, const char *why)
{
    HttpRequestHead::Parsed parsed;
    parsed.status = status;
    parsed.error = why;
    return parsed;
}

} // namespace

HttpRequestHead::Parsed HttpRequestHead::parse(QByteArrayView bytes, qsizetype maxBytes)
{
    const QByteArrayView window = bytes.first(std::min(bytes.size(), maxBytes));
    const qsizetype end = window.indexOf("\r\n\r\n");
    if (end < 0) {
        if (bytes.size() >= maxBytes)
            return failure(Status::TooLarge, "request head too large");
        // A client ending its lines with a bare LF would otherwise wait for the deadline.
        if (window.contains("\n\n") || window.contains("\r\r"))
            return failure(Status::Malformed, "lines must end with CR LF");
        // A request line that is already wrong need not wait for the rest.
        const qsizetype firstLine = window.indexOf("\r\n");
        const QByteArrayView start = firstLine < 0 ? window : window.first(firstLine);
        const qsizetype space = start.indexOf(' ');
        if (!isToken(space < 0 ? start : start.first(space)) && !start.isEmpty())
            return failure(Status::Malformed, "malformed request line");
        return {};
    }

    Parsed parsed;
    QList<QByteArrayView> lines;
    qsizetype at = 0;
    while (at < end) {
        const qsizetype eol = window.indexOf("\r\n", at);
        lines.append(window.sliced(at, eol - at));
        at = eol + 2;
    }
    const QByteArrayView requestLine = lines.value(0);
    if (requestLine.contains('\n') || requestLine.contains('\r'))
        return failure(Status::Malformed, "bare CR or LF in the request line");
    const QList<QByteArray> parts = requestLine.toByteArray().split(' ');
    if (parts.size() != 3 || !isToken(parts[0]) || !isOriginForm(parts[1]) ||
        (parts[2] != "HTTP/1.1" && parts[2] != "HTTP/1.0"))
        return failure(Status::Malformed, "malformed request line");
    parsed.head.method = parts[0];
    parsed.head.target = parts[1];
    parsed.head.version = parts[2];

    if (lines.size() - 1 > maxFields)
        return failure(Status::TooLarge, "too many header fields");
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines[i];
        const qsizetype colon = line.indexOf(':');
        // No space before the colon (RFC 9112 section 5.1), no folded lines (section 5.2).
        if (colon <= 0 || !isToken(line.first(colon)))
            return failure(Status::Malformed, "malformed header field");
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (!isFieldValue(value))
            return failure(Status::Malformed, "control character in a header field");
        parsed.head.fields.append({line.first(colon).toByteArray().toLower(), value.toByteArray()});
    }
    // HTTP/1.1 requires Host (RFC 9112 section 3.2); a request without it is refused there too.
    if (parsed.head.version == "HTTP/1.1" && !parsed.head.hasField("host"))
        return failure(Status::Malformed, "no Host field");
    parsed.status = Status::Complete;
    parsed.length = end + 4;
    return parsed;
}

QByteArray HttpRequestHead::path() const
{
    const qsizetype query = target.indexOf('?');
    return query < 0 ? target : target.left(query);
}

QByteArray HttpRequestHead::field(QByteArrayView name) const
{
    for (const auto &[fieldName, value] : fields) {
        if (fieldName == name)
            return value;
    }
    return {};
}

bool HttpRequestHead::hasField(QByteArrayView name) const
{
    return std::any_of(fields.cbegin(), fields.cend(),
                       [name](const auto &f) { return f.first == name; });
}

bool HttpRequestHead::isWebSocketUpgrade() const
{
    return method == "GET" && listsToken(field("upgrade"), "websocket") &&
           listsToken(field("connection"), "upgrade");
}

bool HttpRequestHead::announcesBody() const
{
    if (hasField("transfer-encoding"))
        return true;
    const QByteArray length = field("content-length");
    return !length.isEmpty() && length != "0";
}
