#include "ActivityFolder.h"

#include <QDateTime>

namespace {

qint64 idIn(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toInteger();
}

} // namespace

template<typename F>
void ActivityFolder::count(const Where &where, const ConsultationTimeline &t, F &&apply)
{
    if (where.at < m_from || where.at >= m_to || where.department <= 0 ||
        (m_only && where.department != m_only))
        return;
    DepartmentActivity &activity = m_departments[where.department];
    const QDate day = QDateTime::fromMSecsSinceEpoch(where.at, m_zone).date();
    // The day's counts are what the event added to the department's own cell.
    const DayCounts before = DayCounts::of(day, activity.department);
    apply(activity.department, true);
    activity.days[day].add(DayCounts::of(day, activity.department), before);
    apply(activity.groups[{t.groupKind, t.groupName}], false);
    if (where.responder > 0)
        apply(activity.responders[where.responder], false);
}

void ActivityFolder::fold(const ConsultationTimeline &t)
{
    // The department it was opened in: the first transfer's source, else where it is now.
    qint64 department = t.departmentId;
    for (const auto &e : t.entries) {
        if (e.kind == MessageKind::System && e.system.value(QLatin1String("event")).toString() ==
                                                 wireName(SystemEvent::Transferred)) {
            department = idIn(e.system, "fromDepartmentId");
            break;
        }
    }
    qint64 holder = 0;
    qint64 heldSince = 0;
    qint64 queuedSince = t.createdAt;
    qint64 closer = 0;
    bool answered = false;

    const QDateTime created = QDateTime::fromMSecsSinceEpoch(t.createdAt, m_zone);
    count({department, 0, t.createdAt}, t, [&](StatsCell &c, bool whole) {
        ++c.received;
        if (!whole)
            return;
        c.representatives.insert(t.representativeId);
        ++c.receivedByHour[size_t(created.date().dayOfWeek() - 1)][size_t(created.time().hour())];
    });

    for (const auto &e : t.entries) {
        if (e.sender == SenderKind::Representative) {
            count({department, 0, e.at}, t, [&](StatsCell &c, bool whole) {
                (e.kind == MessageKind::Voice ? c.voiceIn : c.textIn) += 1;
                c.voiceMsIn += e.voiceMs;
                if (whole)
                    c.representatives.insert(t.representativeId);
            });
            continue;
        }
        if (e.sender == SenderKind::Responder) {
            const bool first = !answered;
            answered = true;
            count({department, e.senderId, e.at}, t, [&](StatsCell &c, bool) {
                (e.kind == MessageKind::Voice ? c.voiceOut : c.textOut) += 1;
                c.voiceMsOut += e.voiceMs;
                if (first)
                    c.firstResponse.add(e.at - t.createdAt);
            });
            continue;
        }
        const QString event = e.system.value(QLatin1String("event")).toString();
        if (event == wireName(SystemEvent::Claimed)) {
            const qint64 by = idIn(e.system, "responderId");
            count({department, by, e.at}, t, [&](StatsCell &c, bool) {
                ++c.claimed;
                c.waiting.add(e.at - queuedSince);
            });
            holder = by;
            heldSince = e.at;
        } else if (event == wireName(SystemEvent::Transferred)) {
            const qint64 from = idIn(e.system, "fromDepartmentId");
            const qint64 to = idIn(e.system, "toDepartmentId");
            const qint64 toResponder = idIn(e.system, "toResponderId");
            const QString reason = e.system.value(QLatin1String("reason")).toString();
            count({from, idIn(e.system, "byResponderId"), e.at}, t, [&](StatsCell &c, bool whole) {
                ++c.transfersOut;
                if (whole)
                    ++c.transfers[{true, to, reason}];
            });
            count({to, toResponder, e.at}, t, [&](StatsCell &c, bool whole) {
                ++c.transfersIn;
                if (whole)
                    ++c.transfers[{false, from, reason}];
            });
            department = to;
            holder = toResponder;
            heldSince = toResponder ? e.at : 0;
            if (!toResponder)
                queuedSince = e.at;
        } else if (event == wireName(SystemEvent::Closed)) {
            closer = idIn(e.system, "responderId");
            const qint64 since = holder ? heldSince : 0;
            count({department, closer, e.at}, t, [&](StatsCell &c, bool) {
                ++c.closed;
                if (since)
                    c.handling.add(e.at - since);
            });
        } else if (event == wireName(SystemEvent::Rated)) {
            const int rating = e.system.value(QLatin1String("rating")).toInt();
            if (rating < 1 || rating > 5)
                continue;
            count({department, closer, e.at}, t, [&](StatsCell &c, bool) {
                ++c.rated;
                ++c.ratings[size_t(rating - 1)];
            });
        }
    }
}

void ActivityFolder::dropSamples()
{
    for (DepartmentActivity &activity : m_departments) {
        activity.department.dropSamples();
        for (auto &entry : activity.responders)
            entry.second.dropSamples();
        for (auto &entry : activity.groups)
            entry.second.dropSamples();
    }
}
