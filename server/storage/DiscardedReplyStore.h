#pragma once

#include "app/protocol/Requests.h"

class Database;

// Replies a shared desk discarded undelivered (docs/protocol.md section 15): what each was, not
// its text, which never reached the server. Writes expect the caller's Transaction.
class DiscardedReplyStore
{
public:
    using Reply = DiscardedRepliesRequest::Reply;

    explicit DiscardedReplyStore(Database &database)
        : m_database(database)
    {}

    enum class Outcome
    {
        Recorded,
        Duplicate, // this clientMsgId was reported before: kept once
        Delivered, // the server has the reply after all (it went out while the desk gave up)
        Failed
    };
    Outcome insert(const Reply &reply, qint64 reportedBy, qint64 reportedAt);
    int countFor(qint64 consultationId) const;

private:
    Database &m_database;
};
