#include "ConsultationListModel.h"

#include "CacheReader.h"
#include "app/core/ClockText.h"

#include <QSet>

ConsultationListModel::ConsultationListModel(CacheReader *reader, QObject *parent)
    : PagedListModel(reader, parent)
{
    connect(reader, &CacheReader::consultationsFetched, this, &ConsultationListModel::onFetched);
    connect(reader, &CacheReader::consultationsRefreshed, this,
            &ConsultationListModel::onRefreshed);
}

void ConsultationListModel::setQuery(const ConsultationQuery &query)
{
    restart([&] {
        m_query = query;
        m_rows.clear();
        m_ids.clear();
        m_refreshTickets.clear();
    });
}

void ConsultationListModel::requestPage(CacheReader *reader, quint64 ticket, int pageSize)
{
    const qint64 afterKey = m_rows.isEmpty() ? 0 : m_rows.constLast().sortKey;
    const qint64 afterId = m_rows.isEmpty() ? 0 : m_rows.constLast().id;
    QMetaObject::invokeMethod(
        reader, [reader, ticket, query = m_query, afterKey, afterId, pageSize] {
            reader->fetchConsultations(ticket, query, afterKey, afterId, pageSize);
        });
}

void ConsultationListModel::onFetched(quint64 ticket, const QList<ConsultationRow> &rows, bool more)
{
    if (!expects(ticket))
        return;
    // A live insert may already have placed some of these.
    QList<ConsultationRow> fresh;
    for (const ConsultationRow &row : rows) {
        if (!m_ids.contains(row.id))
            fresh.append(row);
    }
    appendPage(
        static_cast<int>(fresh.size()),
        [&] {
            m_rows += fresh;
            for (const ConsultationRow &row : std::as_const(fresh))
                m_ids.insert(row.id);
        },
        more);
}

void ConsultationListModel::refresh(const QList<qint64> &ids)
{
    CacheReader *reader = this->reader();
    if (!reader || ids.isEmpty())
        return;
    const quint64 ticket = reader->newTicket();
    m_refreshTickets.append(ticket);
    QMetaObject::invokeMethod(reader, [reader, ticket, query = m_query, ids] {
        reader->refreshConsultations(ticket, query, ids);
    });
}

void ConsultationListModel::onRefreshed(quint64 ticket, const QList<qint64> &ids,
                                        const QList<ConsultationRow> &rows)
{
    if (!m_refreshTickets.removeOne(ticket))
        return;
    QSet<qint64> stillHere;
    for (const ConsultationRow &row : rows)
        stillHere.insert(row.id);
    // Gone from this list (claimed by a colleague, closed, transferred away).
    for (qint64 id : ids) {
        const int at = rowOf(id);
        if (at >= 0 && !stillHere.contains(id))
            removeRowAt(at);
    }
    for (const ConsultationRow &row : rows) {
        const int at = rowOf(row.id);
        if (at >= 0 && m_rows.at(at).sortKey == row.sortKey) {
            m_rows[at] = row;
            Q_EMIT dataChanged(index(at), index(at));
            continue;
        }
        if (at >= 0) // its place in the order changed
            removeRowAt(at);
        const int to = insertionRow(row);
        if (to < 0)
            continue; // beyond the loaded rows: a later page brings it
        beginInsertRows({}, to, to);
        m_rows.insert(to, row);
        m_ids.insert(row.id);
        endInsertRows();
    }
}

void ConsultationListModel::removeRowAt(int row)
{
    beginRemoveRows({}, row, row);
    m_ids.remove(m_rows.at(row).id);
    m_rows.removeAt(row);
    endRemoveRows();
}

bool ConsultationListModel::before(const ConsultationRow &a, const ConsultationRow &b) const
{
    if (a.sortKey != b.sortKey)
        return m_query.ascending() ? a.sortKey < b.sortKey : a.sortKey > b.sortKey;
    return m_query.ascending() ? a.id < b.id : a.id > b.id;
}

int ConsultationListModel::insertionRow(const ConsultationRow &row) const
{
    const auto at = std::lower_bound(
        m_rows.cbegin(), m_rows.cend(), row,
        [this](const ConsultationRow &a, const ConsultationRow &b) { return before(a, b); });
    if (at == m_rows.cend() && hasMore())
        return -1;
    return static_cast<int>(at - m_rows.cbegin());
}

void ConsultationListModel::setDrafts(const QHash<qint64, QString> &drafts)
{
    const QList<qint64> before = m_drafts.keys();
    for (qint64 id : before) {
        if (!drafts.contains(id))
            setDraft(id, QString());
    }
    for (auto it = drafts.cbegin(); it != drafts.cend(); ++it)
        setDraft(it.key(), it.value());
}

void ConsultationListModel::setDraft(qint64 consultationId, const QString &text)
{
    if (m_drafts.value(consultationId) == text)
        return;
    if (text.isEmpty())
        m_drafts.remove(consultationId);
    else
        m_drafts.insert(consultationId, text);
    if (const int row = rowOf(consultationId); row >= 0)
        Q_EMIT dataChanged(index(row), index(row), {DraftRole});
}

int ConsultationListModel::rowOf(qint64 consultationId) const
{
    if (!m_ids.contains(consultationId))
        return -1; // most changed ids are not in this list: no scan for them
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == consultationId)
            return i;
    }
    return -1;
}

QString ConsultationListModel::latestLine(const ConsultationRow &row) const
{
    if (row.latestSender == SenderKind::System)
        return tr("No messages yet");
    const bool mine =
        row.latestSender == SenderKind::Responder && row.latestSenderId == m_query.responderId;
    const QString who = mine                                             ? tr("Me")
                        : row.latestSender == SenderKind::Representative ? row.representativeName
                                                                         : row.latestSenderName;
    const QString what = row.latestKind == MessageKind::Voice
                             ? tr("[voice %1]").arg(clockText(row.latestVoiceMs))
                             : row.latestText;
    return tr("%1: %2").arg(who, what);
}

QString ConsultationListModel::standing(const ConsultationRow &row) const
{
    if (m_query.filter != ConsultationQuery::Filter::All &&
        m_query.filter != ConsultationQuery::Filter::TransferredToMe)
        return {};
    switch (row.state) {
    case ConsultationState::Waiting:
        return tr("waiting");
    case ConsultationState::Claimed:
        return row.assigneeId == m_query.responderId ? tr("mine")
                                                     : tr("with %1").arg(row.assigneeName);
    case ConsultationState::Closed:
        break;
    }
    return tr("closed");
}

QVariant ConsultationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConsultationRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return row.subject + QStringLiteral(" — ") + row.representativeName;
    case Qt::ToolTipRole:
        return row.subject;
    case IdRole:
        return row.id;
    case StateRole:
        return QVariant::fromValue(row.state);
    case RepresentativeNameRole:
        return row.representativeName;
    case RepresentativeKindRole:
        return QVariant::fromValue(row.representativeKind);
    case RepresentativeGroupRole:
        return row.representativeGroup;
    case SubjectRole:
        return row.subject;
    case LatestLineRole:
        return latestLine(row);
    case DraftRole:
        return m_drafts.value(row.id);
    case StandingRole:
        return standing(row);
    case CreatedAtRole:
        return row.createdAt;
    case ClosedAtRole:
        return row.closedAt;
    case UnreadRole:
        return row.unread;
    case AssigneeRole:
        return row.assigneeId;
    case RatingRole:
        return row.rating;
    case TransferReasonRole:
        return row.lastTransfer.value(QLatin1String("reason")).toString();
    default:
        return {};
    }
}

QHash<int, QByteArray> ConsultationListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "consultationId");
    names.insert(StateRole, "state");
    names.insert(RepresentativeNameRole, "representativeName");
    names.insert(RepresentativeKindRole, "representativeKind");
    names.insert(RepresentativeGroupRole, "representativeGroup");
    names.insert(SubjectRole, "subject");
    names.insert(LatestLineRole, "latestLine");
    names.insert(StandingRole, "standing");
    names.insert(CreatedAtRole, "createdAt");
    names.insert(ClosedAtRole, "closedAt");
    names.insert(UnreadRole, "unread");
    names.insert(AssigneeRole, "assigneeId");
    names.insert(RatingRole, "rating");
    names.insert(TransferReasonRole, "transferReason");
    names.insert(DraftRole, "draft");
    return names;
}
