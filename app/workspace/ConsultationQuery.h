#pragma once

#include <QString>
#include <QVariantList>

// Which consultations a queue shows, for whom, and in what order. The SQL lives here, next to
// the rules it encodes; the reader only runs it.
struct ConsultationQuery
{
    enum class Filter
    {
        Waiting,         // waiting in my department: the longest-waiting first
        Mine,            // claimed by me: the oldest first
        TransferredToMe, // transferred to me, or to my department from another one, still open
        Closed,          // closed: the most recently closed first
        All,             // everything I may see: the newest first
    };

    Filter filter = Filter::Waiting;
    qint64 responderId = 0;
    qint64 departmentId = 0;
    qint64 onlyId = 0; // > 0: just this consultation, if it passes the filter (a detail view)
    qint64 representativeId = 0; // > 0: only this representative's (the dossier)
    qint64 exceptId = 0;         // > 0: all but this one (the dossier leaves out the open one)

    bool ascending() const;
    // Rows after (sortKey, id) in list order, at most `limit`; afterId 0: from the start.
    QString pageSql(QVariantList &values, qint64 afterKey, qint64 afterId, int limit) const;
    // The rows among `ids` that belong in this list (for live updates).
    QString idsSql(QVariantList &values, const QList<qint64> &ids) const;

private:
    QString where(QVariantList &values) const;
    QString filterWhere(QVariantList &values) const;
};
