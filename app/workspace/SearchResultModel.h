#pragma once

#include "SearchHit.h"

#include <QAbstractListModel>
#include <QPointer>

class CacheReader;

// The history search's results, newest first, a page at a time as the list scrolls.
class SearchResultModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        KindRole = Qt::UserRole + 1, // SearchRequest::Scope as int
        IdRole,
        ConsultationIdRole,
        RepresentativeNameRole,
        TitleRole,
        SnippetHtmlRole,
        AtRole,
        YearRole,
        StateRole,
    };

    explicit SearchResultModel(CacheReader *reader, QObject *parent = nullptr);

    void setRequest(const SearchRequest &request);
    const SearchRequest &request() const { return m_request; }
    void setPageSize(int rows) { m_pageSize = rows; }
    bool isLoading() const { return m_ticket != 0; }
    const SearchHit &hitAt(int row) const { return m_hits.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;

Q_SIGNALS:
    void pageLoaded();

private:
    void onSearched(quint64 ticket, const QList<SearchHit> &hits, bool more);

    QPointer<CacheReader> m_reader;
    SearchRequest m_request;
    QList<SearchHit> m_hits;
    int m_pageSize = 100;
    bool m_more = false;
    quint64 m_ticket = 0;
};
