#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class Database;

// Group commit. The writes of every request handled in one turn of the event loop share one
// SQLite transaction, committed when the loop comes round again (or once the group holds
// MaxRequests requests or has been open MaxOpenMs), so a burst of messages from many clients costs
// one commit instead of one each: a commit writes every page it changed to the WAL, and most of
// those pages are the same ones for every message.
//
// What a request's answer promises does not change: whatever the server would send while the
// group is open (replies, events to others, downloads) is held by each connection and sent only
// once the commit succeeded, so an acknowledged change is a committed one and survives kill -9
// (with --durable, a power cut). If the commit fails, nothing held is sent; the connections that
// held something are closed, and their clients resend under the same client ids.
//
// Each request's own transaction is a savepoint inside the group (WriteTransaction), so one
// request's failure undoes only its own writes.
class CommitGroup : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxRequests = 256;
    static constexpr int MaxOpenMs = 5;

    explicit CommitGroup(Database &database, QObject *parent = nullptr);
    ~CommitGroup() override; // commits what is open

    bool isOpen() const { return m_open; }
    // Opens the group's transaction unless it is open; false when SQLite refused to.
    bool open();
    // Commits the open group now and tells everyone waiting; false when the commit failed.
    bool commit();
    // A request was handled; commits when the group has grown to MaxRequests or MaxOpenMs.
    void requestHandled();
    // `settled(committed)` is called once the open group is committed or has failed, unless
    // `receiver` is gone by then. Only while the group is open.
    void whenSettled(QObject *receiver, std::function<void(bool committed)> settled);

private:
    struct Waiting
    {
        QPointer<QObject> receiver;
        std::function<void(bool)> settled;
    };

    Database &m_database;
    bool m_open = false;
    bool m_commitPosted = false;
    int m_requests = 0;
    QElapsedTimer m_age;
    QList<Waiting> m_waiting;
};
