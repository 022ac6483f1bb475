#pragma once

#include "server/http/HttpRequestHead.h"
#include "server/http/HttpResponse.h"

#include <QHash>
#include <QString>

// The representatives' page as the server serves it (docs/web.md): a fixed table of files
// compiled into the server, answered to GET and HEAD on the WebSocket's own port. Nothing is
// read from disk at run time and no path is interpreted: a target either is a key of the table
// or is refused, so there is no traversal to guard against. Every answer, refusals included,
// carries the page's security policy.
class WebSite
{
public:
    // Loads every file under the Qt resource folder `resourceRoot` (e.g. ":/web"); files of a
    // type the table does not know are left out (and logged).
    explicit WebSite(const QString &resourceRoot);

    HttpResponse respond(const HttpRequestHead &request) const;
    // The answer to a head that could not be read (400, 431). (A head that is too slow gets
    // none: the socket is dropped at the opening deadline.)
    static HttpResponse refusal(int status, const QByteArray &why);

    int fileCount() const { return static_cast<int>(m_files.size()); }
    static QByteArray contentSecurityPolicy();

private:
    struct File
    {
        QByteArray type;
        QByteArray etag;
        QByteArray bytes;
    };
    QHash<QByteArray, File> m_files; // by path, "/index.html"; "/" is index.html too
};
