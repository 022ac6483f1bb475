#include "PagedListModel.h"

#include "CacheReader.h"

PagedListModel::PagedListModel(CacheReader *reader, QObject *parent)
    : QAbstractListModel(parent)
    , m_reader(reader)
{}

int PagedListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

bool PagedListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more && m_ticket == 0;
}

void PagedListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || !m_reader)
        return;
    m_ticket = m_reader->newTicket();
    requestPage(m_reader, m_ticket, m_pageSize);
}

void PagedListModel::restart(const std::function<void()> &clear)
{
    beginResetModel();
    clear();
    m_more = true;
    m_ticket = 0;
    endResetModel();
    fetchMore();
}

void PagedListModel::appendPage(int rows, const std::function<void()> &append, bool more)
{
    if (rows > 0) {
        const int first = count();
        beginInsertRows({}, first, first + rows - 1);
        append();
        endInsertRows();
    }
    // Only now "not loading": a view asking for more while the rows went in would otherwise
    // fetch this page again.
    m_ticket = 0;
    m_more = more;
    Q_EMIT pageLoaded();
}

CacheReader *PagedListModel::reader() const
{
    return m_reader;
}
