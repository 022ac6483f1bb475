#pragma once

#include "ConsultationQuery.h"
#include "ConsultationRow.h"
#include "PagedListModel.h"

#include <QSet>

// A queue of consultations, read from the cache page by page as the view scrolls (fetchMore),
// so a filter over 100,000 consultations opens as fast as one over ten. Changes from the
// server arrive as ids (refresh): each is re-read and moved, updated, inserted or removed in
// place, so a colleague's claim takes the row out of "waiting" without reloading the list.
class ConsultationListModel : public PagedListModel
{
    Q_OBJECT
public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        StateRole,
        RepresentativeNameRole,
        RepresentativeKindRole,
        RepresentativeGroupRole,
        SubjectRole,
        // The latest message's line as the queue shows it ("Me: …", "王科长: …", "[voice 0:08]").
        LatestLineRole,
        // Where it stands and with whom ("with 王芳"), where a tab mixes states (All,
        // Transferred); empty where the tab says it already.
        StandingRole,
        CreatedAtRole,
        ClosedAtRole,
        UnreadRole,
        AssigneeRole,
        RatingRole,
        TransferReasonRole,
        // A reply being written here and not sent yet ("" when there is none).
        DraftRole,
    };

    explicit ConsultationListModel(CacheReader *reader, QObject *parent = nullptr);

    void setQuery(const ConsultationQuery &query);
    const ConsultationQuery &query() const { return m_query; }
    // The row's second line: who wrote the latest message ("Me" for this officer) and its text.
    QString latestLine(const ConsultationRow &row) const;
    QString standing(const ConsultationRow &row) const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    const ConsultationRow &rowAt(int row) const { return m_rows.at(row); }
    int rowOf(qint64 consultationId) const;

    // Replies being written, by consultation: the queue marks those rows.
    void setDrafts(const QHash<qint64, QString> &drafts);

public Q_SLOTS:
    // These consultations changed in the cache: re-read them.
    void refresh(const QList<qint64> &ids);
    void setDraft(qint64 consultationId, const QString &text);

private:
    int count() const override { return static_cast<int>(m_rows.size()); }
    void requestPage(CacheReader *reader, quint64 ticket, int pageSize) override;
    void onFetched(quint64 ticket, const QList<ConsultationRow> &rows, bool more);
    void onRefreshed(quint64 ticket, const QList<qint64> &ids, const QList<ConsultationRow> &rows);
    // Where a row with this key belongs in list order; -1 beyond what is loaded.
    int insertionRow(const ConsultationRow &row) const;
    bool before(const ConsultationRow &a, const ConsultationRow &b) const;
    void removeRowAt(int row);

    ConsultationQuery m_query;
    QList<ConsultationRow> m_rows;
    QSet<qint64> m_ids; // of m_rows, for membership without a scan
    QList<quint64> m_refreshTickets;
    QHash<qint64, QString> m_drafts;
};
