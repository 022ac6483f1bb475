#include "ChangeFeed.h"

#include "ServerContext.h"
#include "app/protocol/Methods.h"
#include "server/storage/CommitGroup.h"
#include "server/storage/Sql.h"

#include <QSqlDriver>
#include <QSqlQuery>

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

// Tells the change at `i` (and, for a transfer, the other departments it left at the same
// seq, moving `i` past them) to this node's clients; false when its records could not be read.
bool tell(ServerContext &ctx, const QList<Change> &changes, int &i)
{
    const Change &change = changes.at(i);
    EventFanOut &events = ctx.events;
    switch (change.kind) {
    case Change::Consultation: {
        const auto c = ctx.consultations.find(change.id);
        if (c)
            events.consultationChanged(change.extra == change.seq ? Event::ConsultationCreated
                                                                  : Event::ConsultationUpdated,
                                       *c);
        return c.has_value();
    }
    case Change::Departure: {
        QList<qint64> departments{change.extra};
        while (i + 1 < changes.size() && changes.at(i + 1).kind == Change::Departure &&
               changes.at(i + 1).seq == change.seq && changes.at(i + 1).id == change.id)
            departments.append(changes.at(++i).extra);
        const auto c = ctx.consultations.find(change.id);
        if (c)
            events.consultationLeft(*c, departments);
        return c.has_value();
    }
    case Change::Message: {
        const auto m = ctx.messages.find(change.id);
        const auto c = m ? ctx.consultations.find(m->consultationId) : std::nullopt;
        if (c)
            events.messageCreated(*c, *m);
        return c.has_value();
    }
    case Change::Script: {
        const auto s = ctx.scripts.find(change.id);
        if (s)
            events.scriptChanged(*s);
        return s.has_value();
    }
    case Change::Transcript: {
        const auto t = ctx.transcripts.find(change.id);
        const auto c = t ? ctx.consultations.find(t->consultationId) : std::nullopt;
        if (c)
            events.transcriptChanged(*c, *t);
        return c.has_value();
    }
    case Change::Revoked:
        events.sessionRevoked(change.token, nullptr);
        return true;
    default:
        return true;
    }
}

} // namespace

ChangeFeed::ChangeFeed(ServerContext &context, int pollMs, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
{
    // Where the feed starts: what was committed before this node started is in the clients'
    // sync, not for live events. If the counter cannot be read yet, the first look that can
    // read it starts there instead (never from 0: that would replay the whole history).
    if (const auto start = counter()) {
        m_position = *start;
        m_started = true;
        m_ctx.database.forgetOwnChangesUpTo(m_position);
    }
    listen();
    m_poll.setInterval(pollMs);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (!listenerAlive())
            listen();
        schedule();
    });
    m_poll.start();
}

ChangeFeed::~ChangeFeed()
{
    QSqlDatabase::removeDatabase(m_listenerName);
}

// A connection of its own that does nothing but listen: on the connection that runs queries,
// Qt's driver takes a notification that arrives during a query off the socket without telling
// anyone until the socket next becomes readable, and wake-ups came up to the safety poll late
// (measured: 1.2 s p99 across nodes at 500 messages/s).
void ChangeFeed::listen()
{
    if (!m_listenerName.isEmpty())
        QSqlDatabase::removeDatabase(m_listenerName);
    m_listenerName = QStringLiteral("feed-listener-") + QString::number(++m_listens);
    QSqlDatabase listener =
        QSqlDatabase::cloneDatabase(m_ctx.database.connection(), m_listenerName);
    QSqlDriver *driver = listener.driver();
    if (!listener.open() ||
        !driver->subscribeToNotification(QLatin1String(Database::ChangeChannel))) {
        qCWarning(lcSql) << "cannot listen for other nodes' changes; polling once a second";
        return;
    }
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
                // This node's own commits were told when they were made.
                if (payload.toString() != m_ctx.database.nodeId())
                    schedule();
            });
}

// Qt reports nothing when a listening connection's backend dies: asked once a second.
bool ChangeFeed::listenerAlive() const
{
    QSqlQuery probe(QSqlDatabase::database(m_listenerName, false));
    return probe.exec(QStringLiteral("SELECT 1"));
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

std::optional<qint64> ChangeFeed::counter() const
{
    SqlStatement query(m_ctx.database,
                       QStringLiteral("SELECT value FROM change_counter WHERE id = 1"));
    if (query.ok() && query.next())
        return query.int64(0);
    return std::nullopt;
}

void ChangeFeed::catchUp()
{
    // This node's open group is committed first (a smaller group, nothing more): waiting for it
    // instead could wait for ever on a busy node, which opens one for every request.
    if (CommitGroup *group = m_ctx.database.commitGroup())
        group->commit();
    // Every seq up to the counter's committed value belongs to a committed transaction or to
    // none: the counter row is locked from a transaction's first seq until it ends.
    const std::optional<qint64> read = counter();
    if (!read) {
        // The connection is gone (a killed backend, a failover): Qt reports nothing when a
        // listening connection dies, so this poll is how it is noticed. Open it again and
        // listen again; the next poll catches up from the same position.
        if (m_ctx.database.reconnect()) {
            schedule();
        }
        return;
    }
    const qint64 upTo = *read;
    if (!m_started) {
        m_position = upTo;
        m_started = true;
        m_ctx.database.forgetOwnChangesUpTo(upTo);
        return;
    }
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
        // Qt's driver reads such results row by row: an error part way ends them as their end
        // would. Then nothing is told, and the next look starts from the same place.
        if (query.failed())
            return;
    }
    for (int i = 0; i < changes.size(); ++i) {
        const qint64 seq = changes.at(i).seq;
        // A record that cannot be read now (a lost connection) is told on the next look, with
        // everything after it: the position stops just before it.
        if (!tell(m_ctx, changes, i)) {
            m_position = seq - 1;
            m_ctx.database.forgetOwnChangesUpTo(m_position);
            return;
        }
    }
    m_position = upTo;
    m_ctx.database.forgetOwnChangesUpTo(upTo);
}
