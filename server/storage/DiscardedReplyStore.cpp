#include "DiscardedReplyStore.h"

#include "Database.h"
#include "Sql.h"

DiscardedReplyStore::Outcome DiscardedReplyStore::insert(const Reply &r, qint64 reportedBy,
                                                         qint64 reportedAt)
{
    SqlStatement exists(m_database,
                        QStringLiteral("SELECT 1 FROM discarded_replies WHERE client_msg_id = ?"),
                        {r.clientMsgId});
    if (!exists.ok())
        return Outcome::Failed;
    if (exists.next())
        return Outcome::Duplicate;
    SqlStatement stored(m_database,
                        QStringLiteral("SELECT 1 FROM messages m JOIN responders r"
                                       " ON m.sender_kind = 'responder' AND m.sender_id = r.id"
                                       " WHERE r.login = ? AND m.client_msg_id = ?"),
                        {r.author, r.clientMsgId});
    if (!stored.ok())
        return Outcome::Failed;
    if (stored.next())
        return Outcome::Delivered;
    SqlStatement insert(
        m_database,
        QStringLiteral("INSERT INTO discarded_replies (client_msg_id, consultation_id,"
                       " author_login, kind, characters, typed_at, discarded_at, reported_by,"
                       " reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {r.clientMsgId, r.consultationId, r.author, r.kind, r.characters, r.typedAt, r.discardedAt,
         reportedBy, reportedAt});
    return insert.ok() ? Outcome::Recorded : Outcome::Failed;
}

int DiscardedReplyStore::countFor(qint64 consultationId) const
{
    SqlStatement count(
        m_database,
        QStringLiteral("SELECT count(*) FROM discarded_replies WHERE consultation_id = ?"),
        {consultationId});
    return count.ok() && count.next() ? int(count.int64(0)) : 0;
}
