#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

class CacheWorker;
class ProtocolClient;
struct Frame;

// Brings the cache up to date over a signed-in connection: each stream is pulled page by page
// from its stored cursor until the server says there is no more, and live events are applied
// as they arrive. Pages and events go to the CacheWorker on its own thread; the next page is
// asked for only once the previous one is stored, so a first sync of a large department is
// just many pages, and stopping it (or losing the connection) loses nothing: the next start
// continues from the last page stored. A client away for a week fetches only that week.
class CacheSync : public QObject
{
    Q_OBJECT
public:
    CacheSync(ProtocolClient &client, CacheWorker &worker, QObject *parent = nullptr);

    // Streams in the order to pull them; a representative would pass fewer.
    // `transcripts`: the server offers them (its hello announces the feature); an older server
    // would refuse the stream.
    static QStringList responderStreams(bool transcripts = false);
    void start(const QStringList &streams = responderStreams(), int pageSize = 500);
    // Stops after the page in flight has been stored.
    void stop();
    // From the stored cursors again, once the page in flight is done (after the cache was
    // replaced, say). Also what start() does while a stop is still under way.
    void restart();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progress(const QString &stream, int itemsThisRun);
    void finished();
    void failed(const QString &reason);

    // To the worker.
    void cursorsWanted();
    void pageReceived(const QString &stream, const QJsonArray &items, const QJsonArray &removed,
                      const QString &cursor, bool more);
    void recordReceived(const QString &stream, const QJsonObject &record);
    void removalReceived(qint64 consultationId);
    void historyQueued(const QList<qint64> &consultationIds);
    void historyWanted();
    void historyPageReceived(qint64 consultationId, const QJsonArray &messages, bool more,
                             qint64 nextBeforeId);
    void historyDropped(qint64 consultationId);

private:
    void onCursors(const QHash<QString, QString> &cursors);
    void pullNext();
    void onPage(const Frame &reply);
    void onPageStored(const QString &stream, const QString &cursor, bool more, int items);
    void onEvent(const QString &event, const QJsonObject &data);
    // A consultation that came into view (a transfer in) after the messages cursor passed its
    // earlier messages: the stream will never bring those, so its history is queued in the
    // cache and fetched one page at a time.
    void onConsultationsAdded(const QList<qint64> &ids);
    void onHistoryDue(qint64 consultationId, qint64 beforeId);
    void finish();
    void end(); // finished or failed: a restart asked for meanwhile begins now

    ProtocolClient &m_client;
    QHash<QString, QString> m_cursors;
    QStringList m_queue;
    int m_pageSize = 500;
    int m_items = 0;
    bool m_running = false;
    bool m_stopRequested = false;
    bool m_restartPending = false;
    bool m_historyBusy = false;
    QStringList m_streams;
};
