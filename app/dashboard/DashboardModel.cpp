#include "DashboardModel.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

namespace {

using Unit = StatsTableModel::Unit;

QVariant share(qint64 part, qint64 whole)
{
    return whole > 0 ? QVariant(double(part) / double(whole)) : QVariant();
}

QVariant mean(const StatsCell &c)
{
    return c.rated > 0 ? QVariant(double(c.ratingSum()) / double(c.rated)) : QVariant();
}

QVariant percentile(const DurationHistogram &h, int p)
{
    return h.count() > 0 ? QVariant(double(h.percentileMs(p))) : QVariant();
}

// First responses in bins an officer thinks in (up to 1 min, over 1 up to 2, ...); exact,
// from the whole-minute counts.
constexpr int binEdges[] = {1, 2, 5, 10, 15, 30, 60, 120, 240};

} // namespace

DashboardModel::DashboardModel(QObject *parent)
    : QObject(parent)
    , m_headline(tr("Headline figures"))
    , m_perDay(tr("Consultations per day"))
    , m_messages(tr("Messages per day"))
    , m_firstResponses(tr("First response time"))
    , m_ratings(tr("Satisfaction ratings"))
    , m_heat(tr("Received by weekday and hour"))
    , m_open(tr("Open now per responder"))
    , m_responders(tr("Responders"))
    , m_groups(tr("Delegations and sectors"))
    , m_transfers(tr("Transfers and their reasons"))
{}

QList<StatsTableModel *> DashboardModel::tables()
{
    return {&m_headline, &m_perDay, &m_messages,   &m_firstResponses, &m_ratings,
            &m_heat,     &m_open,   &m_responders, &m_groups,         &m_transfers};
}

void DashboardModel::setDirectory(const Directory &directory, bool english)
{
    m_directory = directory;
    m_english = english;
    if (m_hasReport)
        rebuild();
}

void DashboardModel::setReport(const StatsReport &report)
{
    m_report = report;
    m_hasReport = true;
    rebuild();
}

QString DashboardModel::responderName(qint64 id) const
{
    const QString name = m_directory.responderName(id);
    return name.isEmpty() ? tr("Responder %1").arg(id) : name;
}

QString DashboardModel::departmentName(qint64 id) const
{
    const QString name = m_directory.departmentName(id, m_english);
    return name.isEmpty() ? tr("Department %1").arg(id) : name;
}

QString DashboardModel::percentilesText(const DurationHistogram &h)
{
    if (h.count() == 0)
        return tr("none yet");
    return tr("p90 %1 · max %2")
        .arg(StatsTableModel::durationText(double(h.percentileMs(90))),
             StatsTableModel::durationText(double(h.maxMs())));
}

QString DashboardModel::rangeText() const
{
    const QLocale locale;
    const QString from = locale.toString(m_report.from, QLocale::ShortFormat);
    const QString to = locale.toString(m_report.to, QLocale::ShortFormat);
    // The zone as its offset ("UTC+08:00"): what matters is whose midnight the days start at.
    const QTimeZone zone(m_report.timeZone.toUtf8());
    const QString offset =
        zone.isValid() ? zone.displayName(QDateTime::currentDateTimeUtc(), QTimeZone::OffsetName)
                       : m_report.timeZone;
    return (from == to ? from : tr("%1 – %2").arg(from, to)) + QStringLiteral(" · ") + offset;
}

QString DashboardModel::methodNote() const
{
    const StatsCell &c = m_report.department;
    const bool exact = c.waiting.isExact() && c.firstResponse.isExact() && c.handling.isExact();
    QString note = tr("Percentiles by nearest rank: p50 is the value half of the cases do not "
                      "exceed (the ⌈0.5·n⌉-th smallest), p90 likewise. Events count on the day "
                      "they happened; durations on the day they ended.");
    note += QLatin1Char(' ');
    note += exact ? tr("Every figure here is exact.")
                  : tr("Counts, maxima and shares are exact; percentiles of stored days are "
                       "read from log-spaced histograms and are within ±%1% of the exact value.")
                        .arg(QLocale().toString(DurationHistogram::relativeError() * 100, 'f', 1));
    return note;
}

void DashboardModel::rebuild()
{
    const StatsReport &r = m_report;
    const StatsCell &c = r.department;
    const qint64 oldestMs =
        r.oldestWaitingSince > 0 ? std::max<qint64>(0, r.generatedAt - r.oldestWaitingSince) : 0;
    const bool overdue = oldestMs > qint64(r.waitingLimitMinutes) * 60000;
    const qint64 within = c.firstResponse.countWithin(r.answerWithinMinutes);

    // Headline: value, and what qualifies it.
    struct Line
    {
        QString label;
        QVariant value;
        Unit unit;
        QString detail;
        bool alert = false;
    };
    const QList<Line> lines{
        {tr("Waiting now"), r.waitingNow, Unit::Count, {}},
        {tr("Longest waiting"), r.oldestWaitingSince > 0 ? QVariant(double(oldestMs)) : QVariant(),
         Unit::DurationMs, tr("limit: %1 min").arg(r.waitingLimitMinutes), overdue},
        {tr("Received"), c.received, Unit::Count,
         tr("representatives: %1").arg(c.representatives.size())},
        {tr("Claimed"), c.claimed, Unit::Count, {}},
        {tr("Closed"), c.closed, Unit::Count, {}},
        {tr("Waiting time p50"), percentile(c.waiting, 50), Unit::DurationMs,
         percentilesText(c.waiting)},
        {tr("First response p50"), percentile(c.firstResponse, 50), Unit::DurationMs,
         percentilesText(c.firstResponse)},
        {tr("Handling time p50"), percentile(c.handling, 50), Unit::DurationMs,
         percentilesText(c.handling)},
        {tr("Answered within %1 min").arg(r.answerWithinMinutes),
         share(within, c.firstResponse.count()), Unit::Share,
         tr("%1 of %2 first responses").arg(within).arg(c.firstResponse.count())},
        {tr("Satisfaction"), mean(c), Unit::Mean,
         tr("%1 rated (%2 of closed)")
             .arg(c.rated)
             .arg(StatsTableModel::valueText(share(c.rated, c.closed), Unit::Share))},
        {tr("Messages in"), c.textIn + c.voiceIn, Unit::Count,
         tr("%1 voice, %2 min").arg(c.voiceIn).arg(c.voiceMsIn / 60000)},
        {tr("Replies out"), c.textOut + c.voiceOut, Unit::Count,
         tr("%1 voice, %2 min").arg(c.voiceOut).arg(c.voiceMsOut / 60000)},
        {tr("Transfers in / out"),
         QStringLiteral("%1 / %2").arg(c.transfersIn).arg(c.transfersOut),
         Unit::Text,
         {}},
    };
    QStringList labels;
    QList<QVariantList> rows;
    QList<QList<bool>> alerts;
    for (const Line &line : lines) {
        labels << line.label;
        rows << QVariantList{StatsTableModel::valueText(line.value, line.unit), line.detail};
        alerts << QList<bool>{line.alert, false};
    }
    m_headline.reset(labels, {{tr("Value"), Unit::Text}, {tr("Detail"), Unit::Text}}, rows, alerts);

    // Per day.
    labels.clear();
    rows.clear();
    QList<QVariantList> messageRows;
    for (const DayCounts &d : r.days) {
        labels << QLocale().toString(d.day, QStringLiteral("MM-dd"));
        rows << QVariantList{d.received, d.claimed, d.closed};
        messageRows << QVariantList{d.textIn, d.voiceIn, d.textOut, d.voiceOut};
    }
    m_perDay.reset(
        labels,
        {{tr("Received"), Unit::Count}, {tr("Claimed"), Unit::Count}, {tr("Closed"), Unit::Count}},
        rows);
    m_messages.reset(labels,
                     {{tr("Text in"), Unit::Count},
                      {tr("Voice in"), Unit::Count},
                      {tr("Text out"), Unit::Count},
                      {tr("Voice out"), Unit::Count}},
                     messageRows);

    // First responses, binned.
    labels.clear();
    rows.clear();
    int lower = 0;
    for (int edge : binEdges) {
        labels << (lower == 0 ? tr("≤ %1 min").arg(edge) : tr("%1–%2 min").arg(lower).arg(edge));
        rows << QVariantList{c.firstResponse.countWithin(edge) -
                             (lower > 0 ? c.firstResponse.countWithin(lower) : 0)};
        lower = edge;
    }
    labels << tr("> %1 min").arg(lower);
    rows << QVariantList{c.firstResponse.count() - c.firstResponse.countWithin(lower)};
    m_firstResponses.reset(labels, {{tr("First responses"), Unit::Count}}, rows);

    // Ratings.
    labels.clear();
    rows.clear();
    for (int stars = 1; stars <= 5; ++stars) {
        labels << QStringLiteral("%1 ★").arg(stars);
        rows << QVariantList{c.ratings[size_t(stars - 1)]};
    }
    m_ratings.reset(labels, {{tr("Ratings"), Unit::Count}}, rows);

    // Weekday x hour.
    labels.clear();
    rows.clear();
    QList<StatsTableModel::Column> hours;
    for (int h = 0; h < 24; ++h)
        hours.append({QString::number(h), Unit::Count});
    for (int d = 0; d < 7; ++d) {
        labels << QLocale().dayName(d + 1, QLocale::ShortFormat);
        QVariantList row;
        for (int h = 0; h < 24; ++h)
            row << c.receivedByHour[size_t(d)][size_t(h)];
        rows << row;
    }
    m_heat.reset(labels, hours, rows);

    // People.
    labels.clear();
    rows.clear();
    QStringList openLabels;
    QList<QVariantList> openRows;
    for (const auto &row : r.responders) {
        const StatsCell &p = row.cell;
        labels << responderName(row.responderId);
        rows << QVariantList{row.openNow,
                             p.claimed,
                             p.closed,
                             p.textOut + p.voiceOut,
                             percentile(p.firstResponse, 50),
                             percentile(p.handling, 50),
                             percentile(p.handling, 90),
                             mean(p),
                             p.rated,
                             p.transfersOut};
        openLabels << labels.constLast();
        openRows << QVariantList{row.openNow};
    }
    m_responders.reset(labels,
                       {{tr("Open now"), Unit::Count},
                        {tr("Claimed"), Unit::Count},
                        {tr("Closed"), Unit::Count},
                        {tr("Replies"), Unit::Count},
                        {tr("First response p50"), Unit::DurationMs},
                        {tr("Handling p50"), Unit::DurationMs},
                        {tr("Handling p90"), Unit::DurationMs},
                        {tr("Satisfaction"), Unit::Mean},
                        {tr("Rated"), Unit::Count},
                        {tr("Transferred out"), Unit::Count}},
                       rows);
    m_open.reset(openLabels, {{tr("Open now"), Unit::Count}}, openRows);

    labels.clear();
    rows.clear();
    for (const auto &g : r.groups) {
        const QString kind = g.kind == QLatin1String("npc") ? tr("Deputies") : tr("CPPCC members");
        labels << (g.name.isEmpty() ? tr("%1, not recorded").arg(kind)
                                    : QStringLiteral("%1 · %2").arg(g.name, kind));
        rows << QVariantList{g.cell.received,
                             g.cell.closed,
                             g.cell.textIn + g.cell.voiceIn,
                             percentile(g.cell.waiting, 50),
                             percentile(g.cell.firstResponse, 50),
                             mean(g.cell),
                             g.cell.rated};
    }
    m_groups.reset(labels,
                   {{tr("Received"), Unit::Count},
                    {tr("Closed"), Unit::Count},
                    {tr("Messages in"), Unit::Count},
                    {tr("Waiting p50"), Unit::DurationMs},
                    {tr("First response p50"), Unit::DurationMs},
                    {tr("Satisfaction"), Unit::Mean},
                    {tr("Rated"), Unit::Count}},
                   rows);

    labels.clear();
    rows.clear();
    for (const auto &[key, n] : c.transfers) {
        labels << (key.outgoing ? tr("Out") : tr("In"));
        rows << QVariantList{departmentName(key.otherDepartmentId), key.reason, n};
    }
    m_transfers.reset(
        labels,
        {{tr("Department"), Unit::Text}, {tr("Reason"), Unit::Text}, {tr("Count"), Unit::Count}},
        rows);
    Q_EMIT changed();
}
