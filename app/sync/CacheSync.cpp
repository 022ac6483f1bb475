#include "CacheSync.h"

#include "ProtocolClient.h"
#include "SyncLog.h"
#include "app/protocol/Methods.h"
#include "app/protocol/Requests.h"
#include "app/storage/CacheWorker.h"

#include <QPointer>
#include <QTimer>

CacheSync::CacheSync(ProtocolClient &client, CacheWorker &worker, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    connect(&m_client, &ProtocolClient::eventReceived, this, &CacheSync::onEvent);
    connect(this, &CacheSync::cursorsWanted, &worker, &CacheWorker::loadCursors);
    connect(this, &CacheSync::pageReceived, &worker, &CacheWorker::applyPage);
    connect(this, &CacheSync::recordReceived, &worker, &CacheWorker::applyRecord);
    connect(this, &CacheSync::removalReceived, &worker, &CacheWorker::removeConsultation);
    connect(this, &CacheSync::historyQueued, &worker, &CacheWorker::queueHistory);
    connect(this, &CacheSync::historyWanted, &worker, &CacheWorker::nextHistory);
    connect(this, &CacheSync::historyPageReceived, &worker, &CacheWorker::applyHistory);
    connect(this, &CacheSync::historyDropped, &worker, &CacheWorker::dropHistory);
    connect(&worker, &CacheWorker::historyDue, this, &CacheSync::onHistoryDue);
    connect(&worker, &CacheWorker::consultationsAdded, this, &CacheSync::onConsultationsAdded);
    connect(&worker, &CacheWorker::cursorsLoaded, this, &CacheSync::onCursors);
    connect(&worker, &CacheWorker::pageApplied, this, &CacheSync::onPageStored);
    connect(&worker, &CacheWorker::failed, this, [this](const QString &reason) {
        if (m_running) {
            m_running = false;
            Q_EMIT failed(reason);
            end();
        }
    });
}

QStringList CacheSync::responderStreams(bool transcripts)
{
    // Reference data first, so that names resolve as soon as consultations arrive (the queue
    // shows a consultation the moment it is stored); the 20,000 proposals last.
    QStringList streams{Stream::Departments, Stream::Responders,    Stream::Representatives,
                        Stream::Scripts,     Stream::Consultations, Stream::Messages};
    if (transcripts)
        streams << Stream::Transcripts;
    return streams << Stream::Proposals;
}

void CacheSync::start(const QStringList &streams, int pageSize)
{
    m_streams = streams;
    m_pageSize = pageSize;
    if (m_running) {
        m_restartPending = m_stopRequested;
        return;
    }
    m_queue = streams;
    m_items = 0;
    m_running = true;
    m_stopRequested = false;
    Q_EMIT cursorsWanted();
}

void CacheSync::stop()
{
    m_stopRequested = true;
    m_restartPending = false;
}

void CacheSync::restart()
{
    if (!m_running)
        return start(m_streams.isEmpty() ? responderStreams() : m_streams, m_pageSize);
    m_stopRequested = true;
    m_restartPending = true;
}

void CacheSync::end()
{
    if (std::exchange(m_restartPending, false))
        start(m_streams, m_pageSize);
}

void CacheSync::onCursors(const QHash<QString, QString> &cursors)
{
    m_cursors = cursors;
    if (m_running)
        pullNext();
}

void CacheSync::finish()
{
    m_running = false;
    if (!m_restartPending) {
        Q_EMIT finished();
        Q_EMIT historyWanted(); // whatever an earlier run could not fetch
    }
    end();
}

void CacheSync::pullNext()
{
    if (m_stopRequested || m_queue.isEmpty())
        return finish();
    const QString stream = m_queue.first();
    m_client.request(Method::SyncPull,
                     {{QStringLiteral("stream"), stream},
                      {QStringLiteral("cursor"), m_cursors.value(stream)},
                      {QStringLiteral("limit"), m_pageSize}},
                     [self = QPointer<CacheSync>(this)](const Frame &reply) {
                         if (self)
                             self->onPage(reply);
                     });
}

void CacheSync::onPage(const Frame &reply)
{
    if (!m_running || m_queue.isEmpty())
        return;
    if (reply.type != Frame::Type::Result) {
        if (reply.errorCode == ErrorCode::BadRequest &&
            !m_cursors.value(m_queue.first()).isEmpty()) {
            // A cursor the server cannot read any more: start that stream over.
            m_cursors.insert(m_queue.first(), QString());
            return pullNext();
        }
        m_running = false;
        qCWarning(lcSync) << "the server refused a page of" << m_queue.first() << ":"
                          << reply.errorMessage;
        Q_EMIT failed(reply.errorMessage);
        return end();
    }
    Q_EMIT pageReceived(m_queue.first(), reply.payload.value(QLatin1String("items")).toArray(),
                        reply.payload.value(QLatin1String("removed")).toArray(),
                        reply.payload.value(QLatin1String("cursor")).toString(),
                        reply.payload.value(QLatin1String("more")).toBool());
}

void CacheSync::onPageStored(const QString &stream, const QString &cursor, bool more, int items)
{
    if (!m_running || m_queue.isEmpty() || m_queue.first() != stream)
        return;
    m_cursors.insert(stream, cursor);
    m_items += items;
    Q_EMIT progress(stream, m_items);
    if (!more)
        m_queue.removeFirst();
    pullNext();
}

void CacheSync::onEvent(const QString &event, const QJsonObject &data)
{
    if (event == Event::ConsultationCreated || event == Event::ConsultationUpdated)
        Q_EMIT recordReceived(Stream::Consultations,
                              data.value(QLatin1String("consultation")).toObject());
    else if (event == Event::MessageCreated)
        Q_EMIT recordReceived(Stream::Messages, data.value(QLatin1String("message")).toObject());
    else if (event == Event::ScriptChanged)
        Q_EMIT recordReceived(Stream::Scripts, data.value(QLatin1String("script")).toObject());
    else if (event == Event::TranscriptUpdated)
        Q_EMIT recordReceived(Stream::Transcripts,
                              data.value(QLatin1String("transcript")).toObject());
    else if (event == Event::ConsultationRemoved)
        Q_EMIT removalReceived(data.value(QLatin1String("consultationId")).toInteger());
}

void CacheSync::onConsultationsAdded(const QList<qint64> &ids)
{
    // Before the first messages page everything visible still comes through the stream.
    if (!m_cursors.value(Stream::Messages).isEmpty())
        Q_EMIT historyQueued(ids);
}

void CacheSync::onHistoryDue(qint64 consultationId, qint64 beforeId)
{
    if (m_historyBusy || !m_client.isOpen())
        return; // the request in flight asks for the next when done; offline: at the next sync
    m_historyBusy = true;
    m_client.request(
        Method::MessagesHistory, HistoryRequest{consultationId, beforeId, 1000}.toParams(),
        [this, self = QPointer<CacheSync>(this), consultationId](const Frame &reply) {
            if (!self)
                return;
            m_historyBusy = false;
            if (reply.type == Frame::Type::Result) {
                const QJsonArray messages =
                    reply.payload.value(QLatin1String("messages")).toArray();
                const bool more =
                    reply.payload.value(QLatin1String("more")).toBool() && !messages.isEmpty();
                const qint64 oldest =
                    more ? messages.first().toObject().value(QLatin1String("id")).toInteger() : 0;
                Q_EMIT historyPageReceived(consultationId, messages, more, oldest);
                return;
            }
            switch (reply.errorCode) {
            case ErrorCode::NotFound:
            case ErrorCode::Forbidden:
                // Out of view again: nothing to fetch, and its messages are not ours to show.
                Q_EMIT historyDropped(consultationId);
                return;
            case ErrorCode::RateLimited:
                QTimer::singleShot(retryDelayMs(reply, 0), this, &CacheSync::historyWanted);
                return;
            default:
                return; // offline or server trouble: kept in the cache for the next sync
            }
        });
}
