#include "HttpResponse.h"

#include <QHash>

QByteArray HttpResponse::reasonPhrase(int status)
{
    static const QHash<int, QByteArray> reasons{{200, "OK"},
                                                {304, "Not Modified"},
                                                {400, "Bad Request"},
                                                {401, "Unauthorized"},
                                                {404, "Not Found"},
                                                {405, "Method Not Allowed"},
                                                {408, "Request Timeout"},
                                                {411, "Length Required"},
                                                {413, "Content Too Large"},
                                                {429, "Too Many Requests"},
                                                {431, "Request Header Fields Too Large"},
                                                {500, "Internal Server Error"},
                                                {503, "Service Unavailable"}};
    return reasons.value(status, "Unknown");
}

QByteArray HttpResponse::serialize(bool withBody) const
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : fields)
        out += name + ": " + value + "\r\n";
    // A 304 has no body and says nothing of its length (RFC 9110 section 15.4.5).
    if (status != 304)
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Connection: close\r\n\r\n";
    if (withBody && status != 304)
        out += body;
    return out;
}
