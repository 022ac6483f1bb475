#pragma once

#include <QObject>
#include <QTimer>
#include <optional>

struct ServerContext;

// Several server nodes on one PostgreSQL database: what the other nodes committed, told to
// this node's own clients as the events they would have heard had they been connected there
// (consultations created, changed or transferred away, messages, scripts, transcripts, revoked
// sessions), through the same EventFanOut and so under the same visibility rules.
//
// It follows the change counter (Database::nextSeq): seqs commit in the order they are handed
// out, so reading every table's rows with seq in (last read, counter] never skips one. Woken by
// the NOTIFY each node sends after a commit (a wake-up only, never the data), and by a safety
// poll, which also covers a listening connection whose backend died (Qt reports nothing then).
// It never reads inside this node's own transaction: its uncommitted rows would count.
class ChangeFeed : public QObject
{
    Q_OBJECT
public:
    explicit ChangeFeed(ServerContext &context, int pollMs = 1000, QObject *parent = nullptr);
    ~ChangeFeed() override;

    // Reads and tells what was committed since the last time; public for tests.
    void catchUp();
    qint64 position() const { return m_position; }

private:
    void schedule();
    void listen();
    bool listenerAlive() const;
    std::optional<qint64> counter() const;

    ServerContext &m_ctx;
    QTimer m_poll;
    qint64 m_position = 0;
    bool m_scheduled = false;
    bool m_started = false; // m_position set from the counter
    QString m_listenerName;
    int m_listens = 0;
};
