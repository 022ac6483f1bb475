#include "ChangeFeed.h"

#include "ServerContext.h"
#include "app/protocol/Methods.h"
#include "server/storage/CommitGroup.h"
#include "server/storage/Sql.h"

#include <QSqlDriver>

namespace {

// One changed row, as the feed query returns it; read whole before any store is asked for
// the records (a second query while one is being read would end it early on PostgreSQL).
struct Change
{
    enum Kind
    {
        Consultation = 1,
        Departure = 2,
        Message = 3,
        Script = 4,
        Transcript = 5,
        Revoked = 6
    };
    qint64 seq = 0;
    int kind = 0;
    qint64 id = 0;
    qint64 extra = 0; // departure: the department; consultation: the seq it was created with
    QString token;    // revoked: the token's hash
};

} // namespace

ChangeFeed::ChangeFeed(ServerContext &context, int pollMs, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
{
    m_position = counter();
    m_ctx.database.forgetOwnChangesUpTo(m_position);
    QSqlDriver *driver = m_ctx.database.connection().driver();
    if (!driver->subscribeToNotification(QLatin1String(Database::ChangeChannel)))
        qCWarning(lcSql) << "cannot listen for other nodes' changes; polling only";
    connect(driver, &QSqlDriver::notification, this, [this] { schedule(); });
    m_poll.setInterval(pollMs);
    connect(&m_poll, &QTimer::timeout, this, [this] { schedule(); });
    m_poll.start();
}

void ChangeFeed::schedule()
{
    if (m_scheduled)
        return;
    m_scheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_scheduled = false;
            catchUp();
        },
        Qt::QueuedConnection);
}

qint64 ChangeFeed::counter() const
{
    SqlStatement query(m_ctx.database,
                       QStringLiteral("SELECT value FROM change_counter WHERE id = 1"));
    return query.ok() && query.next() ? query.int64(0) : 0;
}

void ChangeFeed::catchUp()
{
    // This node's open group is committed first (a smaller group, nothing more): waiting for it
    // instead could wait for ever on a busy node, which opens one for every request.
    if (CommitGroup *group = m_ctx.database.commitGroup())
        group->commit();
    // Every seq up to the counter's committed value belongs to a committed transaction or to
    // none: the counter row is locked from a transaction's first seq until it ends.
    const qint64 upTo = counter();
    if (upTo <= m_position)
        return;
    const qint64 from = m_position;
    QList<Change> changes;
    {
        SqlStatement query(
            m_ctx.database,
            QStringLiteral(
                "SELECT seq, 1, id, COALESCE(created_seq, 0), '' FROM consultations"
                " WHERE seq > ? AND seq <= ?"
                " UNION ALL SELECT seq, 2, consultation_id, department_id, ''"
                " FROM consultation_departures WHERE seq > ? AND seq <= ?"
                " UNION ALL SELECT seq, 3, id, 0, '' FROM messages WHERE seq > ? AND seq <= ?"
                " UNION ALL SELECT seq, 4, id, 0, '' FROM reply_scripts WHERE seq > ? AND seq <= ?"
                " UNION ALL SELECT seq, 5, message_id, 0, '' FROM transcripts"
                " WHERE seq > ? AND seq <= ?"
                " UNION ALL SELECT revoked_seq, 6, 0, 0, token_hash FROM sessions"
                " WHERE revoked_seq > ? AND revoked_seq <= ?"
                " ORDER BY 1, 2"),
            {from, upTo, from, upTo, from, upTo, from, upTo, from, upTo, from, upTo});
        if (!query.ok())
            return; // logged; the next wake-up or poll tries again from the same place
        while (query.next()) {
            const qint64 seq = query.int64(0);
            if (m_ctx.database.isOwnChange(seq))
                continue; // this node's clients heard of it when it was made
            changes.append({seq, static_cast<int>(query.int64(1)), query.int64(2), query.int64(3),
                            query.text(4)});
        }
    }
    m_position = upTo;
    m_ctx.database.forgetOwnChangesUpTo(upTo);
    qCDebug(lcSql) << "change feed: seqs" << from + 1 << "to" << upTo << ":" << changes.size()
                   << "from other nodes";

    EventFanOut &events = m_ctx.events;
    for (int i = 0; i < changes.size(); ++i) {
        const Change &change = changes.at(i);
        switch (change.kind) {
        case Change::Consultation:
            if (const auto c = m_ctx.consultations.find(change.id))
                events.consultationChanged(change.extra == change.seq ? Event::ConsultationCreated
                                                                      : Event::ConsultationUpdated,
                                           *c);
            break;
        case Change::Departure: {
            // One row per department the transfer took it out of, all at the same seq.
            QList<qint64> departments{change.extra};
            while (i + 1 < changes.size() && changes.at(i + 1).kind == Change::Departure &&
                   changes.at(i + 1).seq == change.seq && changes.at(i + 1).id == change.id)
                departments.append(changes.at(++i).extra);
            if (const auto c = m_ctx.consultations.find(change.id))
                events.consultationLeft(*c, departments);
            break;
        }
        case Change::Message:
            if (const auto m = m_ctx.messages.find(change.id)) {
                if (const auto c = m_ctx.consultations.find(m->consultationId))
                    events.messageCreated(*c, *m);
            }
            break;
        case Change::Script:
            if (const auto s = m_ctx.scripts.find(change.id))
                events.scriptChanged(*s);
            break;
        case Change::Transcript:
            if (const auto t = m_ctx.transcripts.find(change.id)) {
                if (const auto c = m_ctx.consultations.find(t->consultationId))
                    events.transcriptChanged(*c, *t);
            }
            break;
        case Change::Revoked:
            events.sessionRevoked(change.token, nullptr);
            break;
        default:
            break;
        }
    }
}
