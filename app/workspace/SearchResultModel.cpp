#include "SearchResultModel.h"

#include "CacheReader.h"

SearchResultModel::SearchResultModel(CacheReader *reader, QObject *parent)
    : QAbstractListModel(parent)
    , m_reader(reader)
{
    connect(reader, &CacheReader::searched, this, &SearchResultModel::onSearched);
}

void SearchResultModel::setRequest(const SearchRequest &request)
{
    beginResetModel();
    m_request = request;
    m_hits.clear();
    m_more = true;
    m_ticket = 0;
    endResetModel();
    fetchMore();
}

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_hits.size());
}

bool SearchResultModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more && m_ticket == 0;
}

void SearchResultModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || !m_reader)
        return;
    const qint64 afterId = m_hits.isEmpty() ? 0 : m_hits.constLast().id;
    m_ticket = m_reader->newTicket();
    QMetaObject::invokeMethod(
        m_reader, [reader = m_reader.data(), ticket = m_ticket, request = m_request, afterId,
                   limit = m_pageSize] { reader->search(ticket, request, afterId, limit); });
}

void SearchResultModel::onSearched(quint64 ticket, const QList<SearchHit> &hits, bool more)
{
    if (ticket != m_ticket)
        return;
    if (!hits.isEmpty()) {
        const int first = static_cast<int>(m_hits.size());
        beginInsertRows({}, first, first + static_cast<int>(hits.size()) - 1);
        m_hits += hits;
        endInsertRows();
    }
    m_ticket = 0; // after the rows: see ConsultationListModel::onFetched
    m_more = more;
    Q_EMIT pageLoaded();
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchHit &hit = m_hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return hit.title;
    case KindRole:
        return static_cast<int>(hit.kind);
    case IdRole:
        return hit.id;
    case ConsultationIdRole:
        return hit.consultationId;
    case RepresentativeNameRole:
        return hit.representativeName;
    case TitleRole:
        return hit.title;
    case SnippetHtmlRole:
        return hit.snippetHtml;
    case AtRole:
        return hit.at;
    case YearRole:
        return hit.year;
    case StateRole:
        return hit.state;
    default:
        return {};
    }
}
