#pragma once

#include <QObject>
#include <QStringList>

class CacheWriter;
class ProtocolClient;
struct Frame;

// Brings the cache up to date over a signed-in connection: each stream is pulled page by page
// from its stored cursor until the server says there is no more, and live events are applied
// as they arrive. A first sync of a large department is just many pages; stopping it (or
// losing the connection) loses nothing, and the next start continues from the last page
// applied. A client away for a week fetches only that week's changes.
class CacheSync : public QObject
{
    Q_OBJECT
public:
    CacheSync(ProtocolClient &client, CacheWriter &writer, QObject *parent = nullptr);

    // Streams in the order to pull them; a representative would pass fewer.
    static QStringList responderStreams();
    void start(const QStringList &streams = responderStreams(), int pageSize = 500);
    // Stops after the page in flight has been applied.
    void stop();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progress(const QString &stream, int itemsThisRun);
    void finished();
    void failed(const QString &reason);

private:
    void pullNext();
    void onPage(const Frame &reply);
    void onEvent(const QString &event, const QJsonObject &data);

    ProtocolClient &m_client;
    CacheWriter &m_writer;
    QStringList m_queue;
    int m_pageSize = 500;
    int m_items = 0;
    bool m_running = false;
    bool m_stopRequested = false;
};
