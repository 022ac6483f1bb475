#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

// An HTTP/1.1 response written in one piece: status line, fields, the body unless the request
// was HEAD. Every response closes its connection (Connection: close): the servers that use it
// answer one request per connection and keep no idle sockets.
struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> fields; // besides Content-Length and Connection
    QByteArray body;

    void add(const QByteArray &name, const QByteArray &value) { fields.append({name, value}); }
    // The bytes to write; `withBody` false for HEAD (Content-Length still the body's).
    QByteArray serialize(bool withBody = true) const;

    static QByteArray reasonPhrase(int status);
};
