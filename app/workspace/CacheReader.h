#pragma once

#include "ConsultationQuery.h"
#include "ConsultationRow.h"
#include "Directory.h"
#include "MessageRow.h"
#include "SearchHit.h"
#include "app/domain/Directory.h"

#include <QObject>
#include <QSqlQuery>
#include <atomic>

// Reads the cache for the views, on a thread of its own and a read-only connection of its own
// (WAL: reads never wait for the writer, nor the writer for them), so that scrolling and
// switching never wait on disk on the UI thread. Requests go in through queued calls with a
// ticket; results come back through signals carrying that ticket, and each model keeps the
// ones it asked for.
class CacheReader : public QObject
{
    Q_OBJECT
public:
    explicit CacheReader(QString path, QObject *parent = nullptr);
    ~CacheReader() override;

    // Thread-safe: a ticket no other request has.
    quint64 newTicket() { return ++m_lastTicket; }

public Q_SLOTS:
    // (Re)opens the connection: at start, and after the cache file was replaced.
    void open();
    void fetchConsultations(quint64 ticket, const ConsultationQuery &query, qint64 afterKey,
                            qint64 afterId, int limit);
    void refreshConsultations(quint64 ticket, const ConsultationQuery &query,
                              const QList<qint64> &ids);
    // Older than beforeId (newest first, then returned oldest first), or newer than afterId.
    // These messages of the consultation again (their transcripts changed), as messagesFetched.
    void fetchMessagesById(quint64 ticket, qint64 consultationId, const QList<qint64> &ids);
    void fetchMessages(quint64 ticket, qint64 consultationId, qint64 beforeId, qint64 afterId,
                       int limit);
    void fetchDirectory(quint64 ticket);
    void fetchRepresentative(quint64 ticket, qint64 representativeId);
    // Newest first; afterId: continue below that id (the last hit of the previous page).
    void search(quint64 ticket, const SearchRequest &request, qint64 afterId, int limit);
    // Newest first; `search` (any length, Chinese or not) matches title, reply or number.
    void fetchProposals(quint64 ticket, qint64 representativeId, const QString &search,
                        int afterYear, qint64 afterId, int limit);
    // One proposal (a search hit opened): proposalsFetched with it, or with none if it is gone.
    void fetchProposal(quint64 ticket, qint64 proposalId);

Q_SIGNALS:
    void consultationsFetched(quint64 ticket, const QList<ConsultationRow> &rows, bool more);
    void consultationsRefreshed(quint64 ticket, const QList<qint64> &ids,
                                const QList<ConsultationRow> &rows);
    void messagesFetched(quint64 ticket, const QList<MessageRow> &rows, bool more);
    void directoryFetched(quint64 ticket, const Directory &directory);
    void representativeFetched(quint64 ticket, const Representative &representative);
    void searched(quint64 ticket, const QList<SearchHit> &hits, bool more);
    void proposalsFetched(quint64 ticket, const QList<Proposal> &rows, bool more);
    void failed(const QString &reason);

private:
    // A forward-only query on this reader's connection; select() runs it, or says why not.
    QSqlQuery newQuery() const;
    bool select(QSqlQuery &query, const QString &sql, const QVariantList &values);
    QList<ConsultationRow> consultations(const QString &sql, const QVariantList &values);
    QList<SearchHit> searchMessageIndex(const SearchRequest &request, qint64 afterId, int limit,
                                        bool transcripts);
    QList<SearchHit> searchMessages(const SearchRequest &request, qint64 afterId, int limit);
    QList<SearchHit> searchProposals(const SearchRequest &request, qint64 afterId, int limit);
    QList<SearchHit> searchSubjects(const SearchRequest &request, qint64 afterId, int limit);
    void close();

    QString m_path;
    QString m_connectionName;
    std::atomic<quint64> m_lastTicket{0};
};
