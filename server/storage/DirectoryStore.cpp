#include "DirectoryStore.h"

#include "Sql.h"
#include "app/domain/Directory.h"
#include "app/domain/FieldCount.h"

#include <QHash>
#include <QJsonObject>

namespace {

// Reads up to limit+1 rows so that "more" is known without a second query.
template<typename RowToJson> SyncPage readPage(SqlStatement &query, int limit, RowToJson rowToJson)
{
    SyncPage page;
    while (query.next()) {
        if (page.items.size() == limit) {
            page.more = true;
            break;
        }
        const QJsonObject item = rowToJson(query);
        page.lastSeq = item.value(QLatin1String("seq")).toInteger();
        page.items.append(item);
    }
    return page;
}

Principal responderFromRow(const SqlStatement &row)
{
    Principal p;
    p.kind = Principal::Kind::Responder;
    p.id = row.int64(0);
    p.name = row.text(1);
    p.departmentId = row.int64(2);
    p.lead = fromWireName<ResponderRole>(row.text(3)) == ResponderRole::Lead;
    p.scriptEditor = row.int64(4) != 0;
    return p;
}

Principal representativeFromRow(const SqlStatement &row)
{
    Principal p;
    p.kind = Principal::Kind::Representative;
    p.id = row.int64(0);
    p.name = row.text(1);
    return p;
}

} // namespace

std::optional<DirectoryStore::Credentials>
DirectoryStore::responderCredentials(const QString &login) const
{
    SqlStatement query(
        m_database,
        QStringLiteral("SELECT id, name, department_id, role, script_editor, password_hash"
                       " FROM responders WHERE login = ? AND active = 1"),
        {login});
    if (!query.ok() || !query.next())
        return std::nullopt;
    return Credentials{responderFromRow(query), query.text(5)};
}

std::optional<DirectoryStore::Credentials>
DirectoryStore::representativeCredentials(const QString &login) const
{
    SqlStatement query(
        m_database,
        QStringLiteral("SELECT id, name, password_hash FROM representatives WHERE login = ?"),
        {login});
    if (!query.ok() || !query.next())
        return std::nullopt;
    return Credentials{representativeFromRow(query), query.text(2)};
}

std::optional<Principal> DirectoryStore::responder(qint64 id) const
{
    SqlStatement query(m_database,
                       QStringLiteral("SELECT id, name, department_id, role, script_editor"
                                      " FROM responders WHERE id = ? AND active = 1"),
                       {id});
    if (!query.ok() || !query.next())
        return std::nullopt;
    return responderFromRow(query);
}

std::optional<Principal> DirectoryStore::representative(qint64 id) const
{
    SqlStatement query(m_database,
                       QStringLiteral("SELECT id, name FROM representatives WHERE id = ?"), {id});
    if (!query.ok() || !query.next())
        return std::nullopt;
    return representativeFromRow(query);
}

bool DirectoryStore::departmentExists(qint64 id) const
{
    SqlStatement query(m_database, QStringLiteral("SELECT 1 FROM departments WHERE id = ?"), {id});
    return query.ok() && query.next();
}

// Each row is read into its domain record (app/domain/Directory.h), whose codec writes the
// JSON. A field added to a record must be read here too.
static_assert(fieldCount<Department>() == 5 && fieldCount<Responder>() == 9,
              "a record gained a field: read it from its row");
static_assert(fieldCount<Representative>() == 9 && fieldCount<Contact>() == 4,
              "a record gained a field: read it from its row");
static_assert(fieldCount<Proposal>() == 13, "a record gained a field: read it from its row");

SyncPage DirectoryStore::departments(qint64 afterSeq, int limit) const
{
    SqlStatement query(m_database,
                       QStringLiteral("SELECT id, code, name, name_en, seq FROM departments"
                                      " WHERE seq > ? ORDER BY seq LIMIT ?"),
                       {afterSeq, limit + 1});
    return readPage(query, limit, [](const SqlStatement &row) {
        return Department{row.int64(0), row.text(1), row.text(2), row.text(3), row.int64(4)}
            .toJson();
    });
}

SyncPage DirectoryStore::responders(qint64 afterSeq, int limit) const
{
    SqlStatement query(
        m_database,
        QStringLiteral("SELECT id, login, name, department_id, role, title, active,"
                       " script_editor, seq FROM responders WHERE seq > ? ORDER BY seq LIMIT ?"),
        {afterSeq, limit + 1});
    return readPage(query, limit, [](const SqlStatement &row) {
        return Responder{
            row.int64(0),
            row.text(1),
            row.text(2),
            row.int64(3),
            fromWireName<ResponderRole>(row.text(4)).value_or(ResponderRole::Responder),
            row.text(5),
            row.int64(6) != 0,
            row.int64(7) != 0,
            row.int64(8)}
            .toJson();
    });
}

SyncPage DirectoryStore::representatives(qint64 afterSeq, int limit) const
{
    SqlStatement query(
        m_database,
        QStringLiteral("SELECT id, login, name, kind, delegation, sector, organization,"
                       " mobile, office_phone, email, address, seq FROM representatives"
                       " WHERE seq > ? ORDER BY seq LIMIT ?"),
        {afterSeq, limit + 1});
    return readPage(query, limit, [](const SqlStatement &row) {
        return Representative{
            row.int64(0),
            row.text(1),
            row.text(2),
            fromWireName<RepresentativeKind>(row.text(3)).value_or(RepresentativeKind::Npc),
            row.text(4),
            row.text(5),
            row.text(6),
            Contact{row.text(7), row.text(8), row.text(9), row.text(10)},
            row.int64(11)}
            .toJson();
    });
}

SyncPage DirectoryStore::proposals(qint64 afterSeq, int limit) const
{
    QList<Proposal> rows;
    SyncPage page;
    {
        SqlStatement query(
            m_database,
            QStringLiteral("SELECT id, representative_id, number, year, kind, title, category,"
                           " category_en, status, lead_department_id, reply_summary, seq"
                           " FROM proposals"
                           " WHERE seq > ? ORDER BY seq LIMIT ?"),
            {afterSeq, limit + 1});
        while (query.next()) {
            if (rows.size() == limit) {
                page.more = true;
                break;
            }
            rows.append(Proposal{
                query.int64(0),
                query.int64(1),
                query.text(2),
                static_cast<int>(query.int64(3)),
                fromWireName<ProposalKind>(query.text(4)).value_or(ProposalKind::Suggestion),
                query.text(5),
                query.text(6),
                query.text(7),
                fromWireName<ProposalStatus>(query.text(8)).value_or(ProposalStatus::Registered),
                query.int64(9),
                {},
                query.text(10),
                query.int64(11)});
        }
    }
    if (rows.isEmpty())
        return page;
    // The page's co-departments in one query, run once the proposals are read: on PostgreSQL a
    // second query started while a forward-only one is being read ends the first early (Qt's
    // driver reads such results row by row).
    QHash<qint64, QList<qint64>> coDepartments;
    {
        SqlStatement query(m_database,
                           QStringLiteral("SELECT c.proposal_id, c.department_id"
                                          " FROM proposal_co_departments c"
                                          " JOIN proposals p ON p.id = c.proposal_id"
                                          " WHERE p.seq > ? AND p.seq <= ?"
                                          " ORDER BY c.proposal_id, c.department_id"),
                           {afterSeq, rows.constLast().seq});
        while (query.next())
            coDepartments[query.int64(0)].append(query.int64(1));
    }
    for (Proposal &proposal : rows) {
        proposal.coDepartmentIds = coDepartments.value(proposal.id);
        page.items.append(proposal.toJson());
    }
    page.lastSeq = rows.constLast().seq;
    return page;
}
