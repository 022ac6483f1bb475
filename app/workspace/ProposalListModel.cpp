#include "ProposalListModel.h"

#include "CacheReader.h"

ProposalListModel::ProposalListModel(CacheReader *reader, QObject *parent)
    : QAbstractListModel(parent)
    , m_reader(reader)
{
    connect(reader, &CacheReader::proposalsFetched, this, &ProposalListModel::onFetched);
}

void ProposalListModel::setRepresentative(qint64 representativeId, const QString &search)
{
    beginResetModel();
    m_representativeId = representativeId;
    m_search = search;
    m_rows.clear();
    m_more = representativeId > 0;
    m_ticket = 0;
    endResetModel();
    fetchMore();
}

int ProposalListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

bool ProposalListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more && m_ticket == 0;
}

void ProposalListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || !m_reader)
        return;
    const int afterYear = m_rows.isEmpty() ? 0 : m_rows.constLast().year;
    const qint64 afterId = m_rows.isEmpty() ? 0 : m_rows.constLast().id;
    m_ticket = m_reader->newTicket();
    QMetaObject::invokeMethod(m_reader, [reader = m_reader.data(), ticket = m_ticket,
                                         id = m_representativeId, search = m_search, afterYear,
                                         afterId, limit = m_pageSize] {
        reader->fetchProposals(ticket, id, search, afterYear, afterId, limit);
    });
}

void ProposalListModel::onFetched(quint64 ticket, const QList<ProposalRow> &rows, bool more)
{
    if (ticket != m_ticket)
        return;
    // Rows first, then "not loading": a view asking for more while the rows go in would
    // otherwise fetch this page again.
    if (!rows.isEmpty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(rows.size()) - 1);
        m_rows += rows;
        endInsertRows();
    }
    m_ticket = 0;
    m_more = more;
    Q_EMIT pageLoaded();
}

QVariant ProposalListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProposalRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1  %2").arg(row.number, row.title);
    case Qt::ToolTipRole:
        return row.title;
    case IdRole:
        return row.id;
    case NumberRole:
        return row.number;
    case YearRole:
        return row.year;
    case KindRole:
        return row.kind;
    case TitleRole:
        return row.title;
    case CategoryRole:
        return row.category;
    case StatusRole:
        return row.status;
    default:
        return {};
    }
}
