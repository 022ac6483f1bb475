#pragma once

#include "DossierRows.h"

#include <QAbstractListModel>
#include <QPointer>

class CacheReader;

// A representative's past proposals, newest first, read page by page; a search narrows them
// (any part of the title or the reply, Chinese or not, or the number).
class ProposalListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        NumberRole,
        YearRole,
        KindRole,
        TitleRole,
        CategoryRole,
        StatusRole,
    };

    explicit ProposalListModel(CacheReader *reader, QObject *parent = nullptr);

    void setRepresentative(qint64 representativeId, const QString &search = {});
    qint64 representativeId() const { return m_representativeId; }
    void setPageSize(int rows) { m_pageSize = rows; }
    const ProposalRow &rowAt(int row) const { return m_rows.at(row); }
    bool isLoading() const { return m_ticket != 0; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;

Q_SIGNALS:
    void pageLoaded();

private:
    void onFetched(quint64 ticket, const QList<ProposalRow> &rows, bool more);

    QPointer<CacheReader> m_reader;
    qint64 m_representativeId = 0;
    QString m_search;
    QList<ProposalRow> m_rows;
    int m_pageSize = 100;
    bool m_more = false;
    quint64 m_ticket = 0;
};
