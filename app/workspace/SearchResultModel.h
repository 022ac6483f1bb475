#pragma once

#include "PagedListModel.h"
#include "SearchHit.h"

// The history search's results, newest first, a page at a time as the list scrolls.
class SearchResultModel : public PagedListModel
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
        // Who wrote a message hit: the representative, or "officer to representative".
        AuthorRole,
    };

    explicit SearchResultModel(CacheReader *reader, QObject *parent = nullptr);

    void setRequest(const SearchRequest &request);
    const SearchRequest &request() const { return m_request; }
    const SearchHit &hitAt(int row) const { return m_hits.at(row); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    int count() const override { return static_cast<int>(m_hits.size()); }
    void requestPage(CacheReader *reader, quint64 ticket, int pageSize) override;

    SearchRequest m_request;
    QList<SearchHit> m_hits;
};
