#include "DepartmentStatistics.h"

#include "SessionLog.h"
#include "app/protocol/Methods.h"
#include "app/sync/ProtocolClient.h"

#include <QPointer>

#include <algorithm>

DepartmentStatistics::DepartmentStatistics(ProtocolClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(RefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, &DepartmentStatistics::fetch);
}

void DepartmentStatistics::signedIn()
{
    if (m_watching)
        fetch();
}

void DepartmentStatistics::watch(Range range, const QDate &from, const QDate &to)
{
    m_range = range;
    m_from = from;
    m_to = to;
    m_watching = true;
    m_refresh.stop();
    fetch();
}

void DepartmentStatistics::stop()
{
    m_watching = false;
    m_refresh.stop();
}

void DepartmentStatistics::consultationsChanged()
{
    // Even a range of finished days shows what is waiting now: always ask again.
    if (m_watching && !m_refresh.isActive())
        m_refresh.start(RefreshMs);
}

QJsonObject DepartmentStatistics::params(bool exact) const
{
    QJsonObject p{{QStringLiteral("exact"), exact}};
    switch (m_range) {
    case Range::Today:
        p.insert(QStringLiteral("range"), QStringLiteral("today"));
        break;
    case Range::Week:
        p.insert(QStringLiteral("range"), QStringLiteral("week"));
        break;
    case Range::Month:
        p.insert(QStringLiteral("range"), QStringLiteral("month"));
        break;
    case Range::Custom:
        p.insert(QStringLiteral("from"), m_from.toString(Qt::ISODate));
        p.insert(QStringLiteral("to"), m_to.toString(Qt::ISODate));
        break;
    }
    return p;
}

void DepartmentStatistics::fetch()
{
    if (!m_watching)
        return;
    if (m_inFlight) { // one request at a time; the newest range wins after it
        m_again = true;
        return;
    }
    if (!m_client.isOpen()) {
        Q_EMIT failed(tr("Offline: statistics come from the server."));
        return;
    }
    m_inFlight = true;
    m_client.request(
        Method::StatsDashboard, params(false),
        [this, self = QPointer<DepartmentStatistics>(this)](const Frame &reply) {
            if (!self)
                return;
            m_inFlight = false;
            if (m_again) {
                m_again = false;
                fetch();
                return;
            }
            if (reply.type != Frame::Type::Result && reply.errorCode == ErrorCode::RateLimited) {
                // The server is storing the range's days (or this desk asked
                // too often): ask again when it says.
                const qint64 after =
                    reply.payload.value(QLatin1String("retryAfterMs")).toInteger(1000);
                const qint64 days = reply.payload.value(QLatin1String("preparingDays")).toInteger();
                if (m_watching) // once: the next change starts it with RefreshMs again
                    m_refresh.start(int(std::clamp<qint64>(after, 500, 60000)));
                Q_EMIT failed(days > 0 ? tr("The server is preparing the figures of "
                                            "%1 days; they follow shortly.")
                                             .arg(days)
                                       : tr("Asked too often; trying again."));
                return;
            }
            if (reply.type != Frame::Type::Result) {
                qCWarning(lcSession) << "statistics refused:" << reply.errorMessage;
                Q_EMIT failed(refusal(reply));
                return;
            }
            const auto report =
                StatsReport::fromJson(reply.payload.value(QLatin1String("report")).toObject());
            if (!report) {
                Q_EMIT failed(tr("The server's statistics could not be read."));
                return;
            }
            Q_EMIT reportReady(*report);
        });
}

QString DepartmentStatistics::refusal(const Frame &reply) const
{
    // The server's message is for logs; the officer reads what it means in their language.
    switch (reply.errorCode) {
    case ErrorCode::UnknownMethod:
        return tr("This server does not offer statistics (it is older than this console).");
    case ErrorCode::Forbidden:
        return tr("Statistics are shown to the department's own officers only.");
    case ErrorCode::TooLarge:
        return tr("At most 366 days at a time.");
    case ErrorCode::BadRequest:
        return tr("The chosen dates are not a valid range.");
    default:
        return m_client.isOpen() ? tr("The server could not count the figures just now.")
                                 : tr("Offline: statistics come from the server.");
    }
}

void DepartmentStatistics::fetchExact(std::function<void(const StatsReport &)> done,
                                      std::function<void(const QString &)> failedWith)
{
    if (!m_client.isOpen())
        return failedWith(tr("Offline: statistics come from the server."));
    m_client.request(Method::StatsDashboard, params(true),
                     [this, self = QPointer<DepartmentStatistics>(this), done = std::move(done),
                      failedWith = std::move(failedWith)](const Frame &reply) {
                         if (reply.type != Frame::Type::Result)
                             return failedWith(self ? refusal(reply) : reply.errorMessage);
                         const auto report = StatsReport::fromJson(
                             reply.payload.value(QLatin1String("report")).toObject());
                         if (!report)
                             return failedWith(tr("The server's statistics could not be read."));
                         done(*report);
                     });
}

void DepartmentStatistics::setTargets(int answerWithinMinutes, int waitingLimitMinutes,
                                      std::function<void(const QString &)> done)
{
    if (!m_client.isOpen())
        return done(tr("Offline: targets are kept by the server."));
    m_client.request(Method::StatsTargets,
                     {{QStringLiteral("answerWithinMinutes"), answerWithinMinutes},
                      {QStringLiteral("waitingLimitMinutes"), waitingLimitMinutes}},
                     [this, self = QPointer<DepartmentStatistics>(this),
                      done = std::move(done)](const Frame &reply) {
                         if (reply.type != Frame::Type::Result)
                             return done(self ? refusal(reply) : reply.errorMessage);
                         done({});
                         if (self && reply.type == Frame::Type::Result)
                             fetch();
                     });
}
