#include "SearchResultModel.h"

#include "CacheReader.h"

SearchResultModel::SearchResultModel(CacheReader *reader, QObject *parent)
    : PagedListModel(reader, parent)
{
    setPageSize(100);
    connect(reader, &CacheReader::searched, this,
            [this](quint64 ticket, const QList<SearchHit> &hits, bool more) {
                if (expects(ticket))
                    appendPage(
                        static_cast<int>(hits.size()), [&] { m_hits += hits; }, more);
            });
}

void SearchResultModel::setRequest(const SearchRequest &request)
{
    restart([&] {
        m_request = request;
        m_hits.clear();
    });
}

void SearchResultModel::requestPage(CacheReader *reader, quint64 ticket, int pageSize)
{
    const qint64 afterId = m_hits.isEmpty() ? 0 : m_hits.constLast().id;
    QMetaObject::invokeMethod(reader, [reader, ticket, request = m_request, afterId, pageSize] {
        reader->search(ticket, request, afterId, pageSize);
    });
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
    case AuthorRole:
        return hit.author == SenderKind::Responder
                   ? tr("%1 to %2").arg(hit.authorName, hit.representativeName)
                   : hit.representativeName;
    case StateRole:
        return QVariant::fromValue(hit.state);
    default:
        return {};
    }
}
