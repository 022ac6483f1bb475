#include "CacheReader.h"

#include "CacheRows.h"
#include "WorkspaceLog.h"

#include "SearchSnippet.h"
#include "app/domain/FieldCount.h"
#include "app/sql/SqlBinding.h"
#include "app/storage/SearchText.h"
#include "app/storage/SearchTokenizer.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <algorithm>

namespace {
// `%part%` for LIKE, with the pattern characters taken literally.
QString likeContaining(QString part)
{
    part.replace(QLatin1String("\\"), QLatin1String("\\\\"))
        .replace(QLatin1String("%"), QLatin1String("\\%"))
        .replace(QLatin1String("_"), QLatin1String("\\_"));
    return QStringLiteral("%") + part + QStringLiteral("%");
}

// After a search index's MATCH: the text itself must hold the query where the index cannot
// tell (SearchText.h, searchNeedsCheck), checked only on the rows the index found.
void addSearchCheck(QString &sql, QVariantList &values, const QString &text, const QString &query)
{
    if (!searchNeedsCheck(query))
        return;
    sql += QStringLiteral(" AND search_contains(%1, ?)").arg(text);
    values << query;
}

// Queries ask for one row more than a page: whether there is more, without counting. Drops
// that row and says whether it was there.
template<typename Row> bool trimPage(QList<Row> &rows, int limit)
{
    if (rows.size() <= limit)
        return false;
    rows.removeLast();
    return true;
}

// Narrows a search to representatives whose name contains what was typed.
void filterByRepresentativeName(QString &sql, QVariantList &values, const SearchRequest &request)
{
    const QString name = request.representativeName.trimmed();
    if (name.isEmpty())
        return;
    sql += QStringLiteral(" AND r.name LIKE ? ESCAPE '\\'");
    values << likeContaining(name);
}

// The filters a message or subject search shares: dates (on `timeColumn`), the consultation's
// state, the representative's name.
void filterByRequest(QString &sql, QVariantList &values, const SearchRequest &request,
                     const QString &timeColumn)
{
    if (request.from > 0) {
        sql += QStringLiteral(" AND %1 >= ?").arg(timeColumn);
        values << request.from;
    }
    if (request.until > 0) {
        sql += QStringLiteral(" AND %1 < ?").arg(timeColumn);
        values << request.until;
    }
    if (request.state) {
        sql += QStringLiteral(" AND c.state = ?");
        values << wireName(*request.state);
    }
    filterByRepresentativeName(sql, values, request);
}

// Ids per statement: SQLite's limit on bound values is far above this.
constexpr int idsPerQuery = 500;
} // namespace

CacheReader::CacheReader(QString path, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
{
    qRegisterMetaType<ConsultationQuery>();
    qRegisterMetaType<QList<ConsultationRow>>();
    qRegisterMetaType<QList<MessageRow>>();
    qRegisterMetaType<QList<qint64>>();
    qRegisterMetaType<Directory>();
    qRegisterMetaType<Representative>();
    qRegisterMetaType<QList<Proposal>>();
    qRegisterMetaType<SearchRequest>();
    qRegisterMetaType<QList<SearchHit>>();
}

CacheReader::~CacheReader()
{
    close();
}

void CacheReader::close()
{
    if (m_connectionName.isEmpty())
        return;
    QSqlDatabase::database(m_connectionName, false).close();
    QSqlDatabase::removeDatabase(std::exchange(m_connectionName, QString()));
}

QSqlQuery CacheReader::newQuery() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    return query;
}

bool CacheReader::select(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (execBound(query, sql, values))
        return true;
    qCWarning(lcWorkspace) << "reading the cache failed:" << query.lastError().text();
    Q_EMIT failed(query.lastError().text());
    return false;
}

void CacheReader::open()
{
    close();
    m_connectionName = QStringLiteral("reader-") + QUuid::createUuid().toString(QUuid::Id128);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
    if (!db.open() || !registerSearchTokenizer(db))
        Q_EMIT failed(QStringLiteral("the cache cannot be read: ") + db.lastError().text());
}

QList<ConsultationRow> CacheReader::consultations(const QString &sql, const QVariantList &values)
{
    QList<ConsultationRow> rows;
    QSqlQuery query = newQuery();
    if (!select(query, sql, values))
        return rows;
    while (query.next())
        rows.append(CacheRows::consultation(query));
    return rows;
}

void CacheReader::fetchConsultations(quint64 ticket, const ConsultationQuery &query,
                                     qint64 afterKey, qint64 afterId, int limit)
{
    QVariantList values;
    // One more than asked: whether there is more, without a COUNT over 100,000 rows.
    const QString sql = query.pageSql(values, afterKey, afterId, limit + 1);
    QList<ConsultationRow> rows = consultations(sql, values);
    const bool more = trimPage(rows, limit);
    Q_EMIT consultationsFetched(ticket, rows, more);
}

void CacheReader::refreshConsultations(quint64 ticket, const ConsultationQuery &query,
                                       const QList<qint64> &ids)
{
    QList<ConsultationRow> rows;
    for (qsizetype from = 0; from < ids.size(); from += idsPerQuery) {
        QVariantList values;
        const QString sql = query.idsSql(values, ids.mid(from, idsPerQuery));
        rows += consultations(sql, values);
    }
    Q_EMIT consultationsRefreshed(ticket, ids, rows);
}

void CacheReader::fetchMessages(quint64 ticket, qint64 consultationId, qint64 beforeId,
                                qint64 afterId, int limit)
{
    const bool older = afterId <= 0;
    QVariantList values;
    QString sql = CacheRows::messageSelect(values);
    values << consultationId;
    if (older && beforeId > 0) {
        sql += QStringLiteral(" AND m.id < ?");
        values << beforeId;
    } else if (!older) {
        sql += QStringLiteral(" AND m.id > ?");
        values << afterId;
    }
    sql += older ? QStringLiteral(" ORDER BY m.id DESC LIMIT ?")
                 : QStringLiteral(" ORDER BY m.id ASC LIMIT ?");
    values << limit + 1;

    QSqlQuery query = newQuery();
    QList<MessageRow> rows;
    if (!select(query, sql, values))
        return Q_EMIT messagesFetched(ticket, rows, false);
    while (query.next())
        rows.append(CacheRows::message(query, consultationId));
    const bool more = trimPage(rows, limit);
    if (older)
        std::reverse(rows.begin(), rows.end());
    Q_EMIT messagesFetched(ticket, rows, more);
}

void CacheReader::fetchMessagesById(quint64 ticket, qint64 consultationId, const QList<qint64> &ids)
{
    QVariantList values;
    QString sql = CacheRows::messageSelect(values);
    values << consultationId;
    QStringList marks;
    for (qint64 id : ids) {
        marks << QStringLiteral("?");
        values << id;
    }
    sql += QStringLiteral(" AND m.id IN (%1)").arg(marks.join(QLatin1Char(',')));
    QSqlQuery query = newQuery();
    QList<MessageRow> rows;
    if (select(query, sql, values)) {
        while (query.next())
            rows.append(CacheRows::message(query, consultationId));
    }
    Q_EMIT messagesFetched(ticket, rows, false);
}

void CacheReader::fetchDirectory(quint64 ticket)
{
    Directory directory;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery departments(db);
    if (departments.exec(QStringLiteral("SELECT id, name, name_en FROM departments"))) {
        while (departments.next())
            directory.departments.insert(
                departments.value(0).toLongLong(),
                {departments.value(1).toString(), departments.value(2).toString()});
    }
    QSqlQuery responders(db);
    if (responders.exec(
            QStringLiteral("SELECT id, name, department_id, role, active FROM responders"))) {
        while (responders.next())
            directory.responders.insert(
                responders.value(0).toLongLong(),
                {responders.value(1).toString(), responders.value(2).toLongLong(),
                 responders.value(3).toString(), responders.value(4).toBool()});
    }
    Q_EMIT directoryFetched(ticket, directory);
}

// The dossier reads every field of the cached record.
static_assert(fieldCount<Representative>() == 9 && fieldCount<Contact>() == 4,
              "a record gained a field: read it from the cache here too");

void CacheReader::fetchRepresentative(quint64 ticket, qint64 representativeId)
{
    Representative row;
    QSqlQuery query = newQuery();
    if (select(query,
               QStringLiteral("SELECT id, login, name, kind, delegation, sector, organization,"
                              " mobile, office_phone, email, address, seq FROM representatives"
                              " WHERE id = ?"),
               {representativeId}) &&
        query.next()) {
        row = {query.value(0).toLongLong(),
               query.value(1).toString(),
               query.value(2).toString(),
               fromWireName<RepresentativeKind>(query.value(3).toString())
                   .value_or(RepresentativeKind::Npc),
               query.value(4).toString(),
               query.value(5).toString(),
               query.value(6).toString(),
               Contact{query.value(7).toString(), query.value(8).toString(),
                       query.value(9).toString(), query.value(10).toString()},
               query.value(11).toLongLong()};
    }
    Q_EMIT representativeFetched(ticket, row);
}

namespace {
const QString proposalColumns = QStringLiteral(
    "SELECT p.id, p.number, p.year, p.kind, p.title, p.category, p.status, p.lead_department_id,"
    " p.co_department_ids, p.reply_summary, p.category_en, p.representative_id FROM proposals p");

Proposal proposalOf(const QSqlQuery &query)
{
    Proposal row;
    row.id = query.value(0).toLongLong();
    row.number = query.value(1).toString();
    row.year = query.value(2).toInt();
    row.kind =
        fromWireName<ProposalKind>(query.value(3).toString()).value_or(ProposalKind::Suggestion);
    row.title = query.value(4).toString();
    row.category = query.value(5).toString();
    row.status = fromWireName<ProposalStatus>(query.value(6).toString())
                     .value_or(ProposalStatus::Registered);
    row.leadDepartmentId = query.value(7).toLongLong();
    for (const QString &id : query.value(8).toString().split(u',', Qt::SkipEmptyParts))
        row.coDepartmentIds << id.toLongLong();
    row.replySummary = query.value(9).toString();
    row.categoryEn = query.value(10).toString();
    row.representativeId = query.value(11).toLongLong();
    return row;
}
} // namespace

void CacheReader::fetchProposals(quint64 ticket, qint64 representativeId, const QString &search,
                                 int afterYear, qint64 afterId, int limit)
{
    QString sql = proposalColumns + QStringLiteral(" WHERE p.representative_id = ?");
    QVariantList values{representativeId};
    const QString match = searchMatchExpression(search);
    if (!match.isEmpty()) {
        sql += QStringLiteral(" AND (p.number LIKE ? ESCAPE '\\' OR (p.id IN"
                              " (SELECT rowid FROM proposals_fts WHERE proposals_fts MATCH ?)");
        values << likeContaining(search.trimmed()) << match;
        addSearchCheck(sql, values, QStringLiteral("p.title || '\n' || p.reply_summary"), search);
        sql += QStringLiteral("))");
    }
    if (afterId > 0) {
        sql += QStringLiteral(" AND (p.year, p.id) < (?, ?)");
        values << afterYear << afterId;
    }
    sql += QStringLiteral(" ORDER BY p.year DESC, p.id DESC LIMIT ?");
    values << limit + 1;
    QSqlQuery query = newQuery();
    QList<Proposal> rows;
    select(query, sql, values);
    while (query.next())
        rows.append(proposalOf(query));
    const bool more = trimPage(rows, limit);
    Q_EMIT proposalsFetched(ticket, rows, more);
}

void CacheReader::fetchProposal(quint64 ticket, qint64 proposalId)
{
    QSqlQuery query = newQuery();
    QList<Proposal> rows;
    select(query, proposalColumns + QStringLiteral(" WHERE p.id = ?"), {proposalId});
    if (query.next())
        rows.append(proposalOf(query));
    Q_EMIT proposalsFetched(ticket, rows, false);
}

void CacheReader::search(quint64 ticket, const SearchRequest &request, qint64 afterId, int limit)
{
    QList<SearchHit> hits;
    switch (request.scope) {
    case SearchRequest::Scope::Messages:
        hits = searchMessages(request, afterId, limit + 1);
        break;
    case SearchRequest::Scope::Proposals:
        hits = searchProposals(request, afterId, limit + 1);
        break;
    case SearchRequest::Scope::Subjects:
        hits = searchSubjects(request, afterId, limit + 1);
        break;
    }
    const bool more = trimPage(hits, limit);
    Q_EMIT searched(ticket, hits, more);
}

QList<SearchHit> CacheReader::searchMessages(const SearchRequest &request, qint64 afterId,
                                             int limit)
{
    // Text messages, and voice messages by what was heard in them: each index read newest
    // first up to `limit`, then the two merged, which is the newest `limit` of both (a UNION
    // would gather every match of a one-character query before the first could be shown).
    QList<SearchHit> hits = searchMessageIndex(request, afterId, limit, false);
    if (!searchMatchExpression(request.text).isEmpty()) {
        hits += searchMessageIndex(request, afterId, limit, true);
        std::sort(hits.begin(), hits.end(),
                  [](const SearchHit &a, const SearchHit &b) { return a.id > b.id; });
        if (hits.size() > limit)
            hits.erase(hits.begin() + limit, hits.end());
    }
    return hits;
}

QList<SearchHit> CacheReader::searchMessageIndex(const SearchRequest &request, qint64 afterId,
                                                 int limit, bool transcripts)
{
    const QString match = searchMatchExpression(request.text);
    QVariantList values;
    // Driven by the index in rowid order, newest first: the first `limit` hits that pass the
    // filters end the scan, however many messages match a one-character query.
    const QString columns =
        QStringLiteral("SELECT m.id, m.consultation_id, %1, m.created_at,"
                       " c.state, r.name, c.subject, m.sender_kind, s.name")
            .arg(transcripts ? QStringLiteral("t.text") : QStringLiteral("m.text"));
    const QString index =
        transcripts ? QStringLiteral("transcripts_fts") : QStringLiteral("messages_fts");
    QString sql = match.isEmpty() ? columns + QStringLiteral(" FROM messages m")
                                  : columns + QStringLiteral(" FROM %1 f"
                                                             " JOIN messages m ON m.id = f.rowid")
                                                  .arg(index);
    if (transcripts)
        sql += QStringLiteral(" JOIN transcripts t ON t.message_id = m.id");
    sql += QStringLiteral(" JOIN consultations c ON c.id = m.consultation_id"
                          " LEFT JOIN representatives r ON r.id = c.representative_id"
                          " LEFT JOIN responders s ON m.sender_kind = ? AND s.id = m.sender_id"
                          " WHERE m.kind = ?");
    values << wireName(SenderKind::Responder)
           << wireName(transcripts ? MessageKind::Voice : MessageKind::Text);
    if (!match.isEmpty()) {
        sql += QStringLiteral(" AND %1 MATCH ?").arg(index);
        values << match;
        addSearchCheck(sql, values,
                       transcripts ? QStringLiteral("t.text") : QStringLiteral("m.text"),
                       request.text);
    }
    if (afterId > 0) {
        sql += QStringLiteral(" AND m.id < ?");
        values << afterId;
    }
    filterByRequest(sql, values, request, QStringLiteral("m.created_at"));
    sql += match.isEmpty() ? QStringLiteral(" ORDER BY m.id DESC LIMIT ?")
                           : QStringLiteral(" ORDER BY f.rowid DESC LIMIT ?");
    values << limit;
    QSqlQuery query = newQuery();
    QList<SearchHit> hits;
    if (!select(query, sql, values))
        return hits;
    while (query.next()) {
        SearchHit hit;
        hit.kind = SearchRequest::Scope::Messages;
        hit.id = query.value(0).toLongLong();
        hit.consultationId = query.value(1).toLongLong();
        hit.snippetHtml = searchSnippet(query.value(2).toString(), request.text);
        if (transcripts)
            hit.snippetHtml = tr("[voice]").toHtmlEscaped() + u' ' + hit.snippetHtml;
        hit.at = query.value(3).toLongLong();
        hit.state = fromWireName<ConsultationState>(query.value(4).toString())
                        .value_or(ConsultationState::Waiting);
        hit.representativeName = query.value(5).toString();
        hit.title = query.value(6).toString();
        hit.author = fromWireName<SenderKind>(query.value(7).toString())
                         .value_or(SenderKind::Representative);
        hit.authorName = hit.author == SenderKind::Responder ? query.value(8).toString()
                                                             : hit.representativeName;
        hits.append(hit);
    }
    return hits;
}

QList<SearchHit> CacheReader::searchSubjects(const SearchRequest &request, qint64 afterId,
                                             int limit)
{
    const QString match = searchMatchExpression(request.text);
    QVariantList values;
    QString sql = QStringLiteral("SELECT c.id, c.subject, c.created_at, c.state, r.name"
                                 " FROM consultations c"
                                 " LEFT JOIN representatives r ON r.id = c.representative_id"
                                 " WHERE 1");
    if (!match.isEmpty()) {
        sql += QStringLiteral(" AND c.id IN (SELECT rowid FROM consultations_fts"
                              " WHERE consultations_fts MATCH ?)");
        values << match;
        addSearchCheck(sql, values, QStringLiteral("c.subject"), request.text);
    }
    if (afterId > 0) {
        sql += QStringLiteral(" AND c.id < ?");
        values << afterId;
    }
    filterByRequest(sql, values, request, QStringLiteral("c.created_at"));
    sql += QStringLiteral(" ORDER BY c.id DESC LIMIT ?");
    values << limit;
    QSqlQuery query = newQuery();
    QList<SearchHit> hits;
    if (!select(query, sql, values))
        return hits;
    while (query.next()) {
        SearchHit hit;
        hit.kind = SearchRequest::Scope::Subjects;
        hit.id = query.value(0).toLongLong();
        hit.consultationId = hit.id;
        hit.title = query.value(1).toString();
        hit.snippetHtml = searchSnippet(hit.title, request.text);
        hit.at = query.value(2).toLongLong();
        hit.state = fromWireName<ConsultationState>(query.value(3).toString())
                        .value_or(ConsultationState::Waiting);
        hit.representativeName = query.value(4).toString();
        hits.append(hit);
    }
    return hits;
}

QList<SearchHit> CacheReader::searchProposals(const SearchRequest &request, qint64 afterId,
                                              int limit)
{
    const QString match = searchMatchExpression(request.text);
    QVariantList values;
    QString sql = QStringLiteral("SELECT p.id, p.number, p.title, p.reply_summary, p.year, r.name"
                                 " FROM proposals p"
                                 " LEFT JOIN representatives r ON r.id = p.representative_id"
                                 " WHERE 1");
    if (!match.isEmpty()) {
        sql += QStringLiteral(" AND p.id IN (SELECT rowid FROM proposals_fts"
                              " WHERE proposals_fts MATCH ?)");
        values << match;
        addSearchCheck(sql, values, QStringLiteral("p.title || '\n' || p.reply_summary"),
                       request.text);
    }
    if (afterId > 0) {
        sql += QStringLiteral(" AND p.id < ?");
        values << afterId;
    }
    filterByRepresentativeName(sql, values, request);
    sql += QStringLiteral(" ORDER BY p.id DESC LIMIT ?");
    values << limit;
    QSqlQuery query = newQuery();
    QList<SearchHit> hits;
    if (!select(query, sql, values))
        return hits;
    while (query.next()) {
        SearchHit hit;
        hit.kind = SearchRequest::Scope::Proposals;
        hit.id = query.value(0).toLongLong();
        const QString title = query.value(2).toString();
        hit.title = query.value(1).toString() + QStringLiteral("  ") + title;
        const QString reply = query.value(3).toString();
        hit.snippetHtml = searchSnippet(title + QStringLiteral(" — ") + reply, request.text);
        hit.year = query.value(4).toInt();
        hit.representativeName = query.value(5).toString();
        hits.append(hit);
    }
    return hits;
}
