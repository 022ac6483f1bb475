#include "CacheSync.h"

#include "CacheWriter.h"
#include "Methods.h"
#include "ProtocolClient.h"

#include <QJsonArray>

CacheSync::CacheSync(ProtocolClient &client, CacheWriter &writer, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_writer(writer)
{
    connect(&m_client, &ProtocolClient::eventReceived, this, &CacheSync::onEvent);
}

QStringList CacheSync::responderStreams()
{
    // Small reference data first, so that names resolve as soon as consultations arrive.
    return {Stream::Departments, Stream::Responders,      Stream::Consultations,
            Stream::Messages,    Stream::Representatives, Stream::Proposals};
}

void CacheSync::start(const QStringList &streams, int pageSize)
{
    if (m_running)
        return;
    m_queue = streams;
    m_pageSize = pageSize;
    m_items = 0;
    m_running = true;
    m_stopRequested = false;
    pullNext();
}

void CacheSync::stop()
{
    m_stopRequested = true;
}

void CacheSync::pullNext()
{
    if (m_stopRequested || m_queue.isEmpty()) {
        m_running = false;
        Q_EMIT finished();
        return;
    }
    const QString stream = m_queue.first();
    m_client.request(Method::SyncPull,
                     {{QStringLiteral("stream"), stream},
                      {QStringLiteral("cursor"), m_writer.cursor(stream)},
                      {QStringLiteral("limit"), m_pageSize}},
                     [this](const Frame &reply) { onPage(reply); });
}

void CacheSync::onPage(const Frame &reply)
{
    if (reply.type != Frame::Type::Result) {
        m_running = false;
        Q_EMIT failed(reply.errorMessage);
        return;
    }
    const QString stream = m_queue.first();
    const QJsonArray items = reply.payload.value(QLatin1String("items")).toArray();
    if (!m_writer.applyPage(stream, items, reply.payload.value(QLatin1String("removed")).toArray(),
                            reply.payload.value(QLatin1String("cursor")).toString())) {
        m_running = false;
        Q_EMIT failed(QStringLiteral("the cache could not store a page of %1").arg(stream));
        return;
    }
    m_items += static_cast<int>(items.size());
    Q_EMIT progress(stream, m_items);
    if (!reply.payload.value(QLatin1String("more")).toBool())
        m_queue.removeFirst();
    pullNext();
}

void CacheSync::onEvent(const QString &event, const QJsonObject &data)
{
    if (event == Event::ConsultationCreated || event == Event::ConsultationUpdated)
        m_writer.applyRecord(Stream::Consultations,
                             data.value(QLatin1String("consultation")).toObject());
    else if (event == Event::MessageCreated)
        m_writer.applyRecord(Stream::Messages, data.value(QLatin1String("message")).toObject());
    else if (event == Event::ConsultationRemoved)
        m_writer.removeConsultation(data.value(QLatin1String("consultationId")).toInteger());
}
