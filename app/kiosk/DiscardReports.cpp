#include "DiscardReports.h"

#include "KioskLog.h"
#include "app/protocol/Frame.h"
#include "app/protocol/Methods.h"
#include "app/sync/ProtocolClient.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSaveFile>
#include <QUuid>

DiscardReports::DiscardReports(QString folder, QObject *parent)
    : QObject(parent)
    , m_folder(std::move(folder))
{}

DiscardReports::~DiscardReports() = default;

bool DiscardReports::add(const QList<OutboxItem> &items, const QString &author, qint64 discardedAt)
{
    if (items.isEmpty())
        return true;
    if (!m_folder.mkpath(QStringLiteral("."))) {
        qCCritical(lcKiosk) << "cannot make the report folder" << m_folder.path();
        return false;
    }
    // One file per request the protocol takes (at most maxReplies replies each).
    bool allWritten = true;
    for (qsizetype first = 0; first < items.size(); first += DiscardedRepliesRequest::maxReplies) {
        DiscardedRepliesRequest report;
        for (const OutboxItem &item : items.mid(first, DiscardedRepliesRequest::maxReplies))
            report.replies << DiscardedRepliesRequest::Reply{
                item.clientMsgId,
                item.consultationId,
                author,
                item.isVoice() ? QStringLiteral("voice") : QStringLiteral("text"),
                item.isVoice() ? 0 : item.text.size(),
                item.createdAt,
                discardedAt};
        // Named so that the oldest report sorts first.
        const QString name = QStringLiteral("%1-%2.json")
                                 .arg(discardedAt, 15, 10, QLatin1Char('0'))
                                 .arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
        QSaveFile file(m_folder.filePath(name));
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(QJsonDocument(report.toParams()).toJson(QJsonDocument::Compact)) < 0 ||
            !file.commit()) {
            qCCritical(lcKiosk) << "cannot write the report of discarded replies:"
                                << file.errorString();
            allWritten = false;
        }
    }
    if (m_engine)
        m_engine->wake();
    return allWritten;
}

QStringList DiscardReports::files() const
{
    return m_folder.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
}

int DiscardReports::pendingCount() const
{
    return int(files().size());
}

void DiscardReports::attach(ProtocolClient &client)
{
    m_client = &client;
    Courier &courier = *this; // private base: converted here, where it is accessible
    m_engine = std::make_unique<DeliveryEngine>(courier, client);
}

void DiscardReports::detach()
{
    m_engine.reset();
    m_client = nullptr;
    m_current.clear();
}

void DiscardReports::setOnline(bool online)
{
    if (m_engine)
        m_engine->setOnline(online);
}

DeliveryEngine::Courier::Start DiscardReports::startNext(const DeliveryEngine::Done &done)
{
    for (const QString &name : files()) {
        QFile file(m_folder.filePath(name));
        const QJsonObject params = file.open(QIODevice::ReadOnly)
                                       ? QJsonDocument::fromJson(file.readAll()).object()
                                       : QJsonObject();
        if (params.isEmpty()) {
            qCWarning(lcKiosk) << "an unreadable report of discarded replies is removed:" << name;
            m_folder.remove(name);
            continue;
        }
        m_current = name;
        m_client->request(QString(Method::RepliesDiscarded), params, done);
        return Start::Sent;
    }
    return Start::Idle;
}

void DiscardReports::delivered(const Frame &reply)
{
    const int recorded = reply.payload.value(QLatin1String("recorded")).toInt();
    qCInfo(lcKiosk) << "the server recorded" << recorded << "discarded replies";
    m_folder.remove(m_current);
    m_current.clear();
    Q_EMIT this->recorded(recorded);
}

void DiscardReports::refused(const Frame &reply)
{
    // A report the server will never take (malformed, or the desk's account may not report):
    // kept would block every later one.
    qCWarning(lcKiosk) << "the server refused a report of discarded replies:" << reply.errorMessage;
    m_folder.remove(m_current);
    m_current.clear();
}
