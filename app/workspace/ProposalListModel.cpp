#include "ProposalListModel.h"

#include "CacheReader.h"
#include "ProposalWording.h"

#include <QLocale>

ProposalListModel::ProposalListModel(CacheReader *reader, QObject *parent)
    : PagedListModel(reader, parent)
{
    setPageSize(100);
    connect(reader, &CacheReader::proposalsFetched, this,
            [this](quint64 ticket, const QList<Proposal> &rows, bool more) {
                if (expects(ticket))
                    appendPage(
                        static_cast<int>(rows.size()), [&] { m_rows += rows; }, more);
            });
}

void ProposalListModel::setRepresentative(qint64 representativeId, const QString &search)
{
    restart([&] {
        m_representativeId = representativeId;
        m_search = search;
        m_rows.clear();
    });
}

void ProposalListModel::requestPage(CacheReader *reader, quint64 ticket, int pageSize)
{
    if (m_representativeId <= 0)
        return appendPage(0, {}, false);
    const int afterYear = m_rows.isEmpty() ? 0 : m_rows.constLast().year;
    const qint64 afterId = m_rows.isEmpty() ? 0 : m_rows.constLast().id;
    QMetaObject::invokeMethod(reader, [reader, ticket, id = m_representativeId, search = m_search,
                                       afterYear, afterId, pageSize] {
        reader->fetchProposals(ticket, id, search, afterYear, afterId, pageSize);
    });
}

QVariant ProposalListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Proposal &row = m_rows.at(index.row());
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
        return QVariant::fromValue(row.kind);
    case TitleRole:
        return row.title;
    case CategoryRole:
        return ProposalWording::category(row, QLocale().language() != QLocale::Chinese);
    case StatusRole:
        return ProposalWording::status(row.status);
    default:
        return {};
    }
}
