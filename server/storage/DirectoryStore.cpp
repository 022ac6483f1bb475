#include "DirectoryStore.h"

#include "Sql.h"

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
    p.lead = row.text(3) == QLatin1String("lead");
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

SyncPage DirectoryStore::departments(qint64 afterSeq, int limit) const
{
    SqlStatement query(m_database,
                       QStringLiteral("SELECT id, code, name, name_en, seq FROM departments"
                                      " WHERE seq > ? ORDER BY seq LIMIT ?"),
                       {afterSeq, limit + 1});
    return readPage(query, limit, [](const SqlStatement &row) {
        return QJsonObject{{QStringLiteral("id"), row.int64(0)},
                           {QStringLiteral("code"), row.text(1)},
                           {QStringLiteral("name"), row.text(2)},
                           {QStringLiteral("nameEn"), row.text(3)},
                           {QStringLiteral("seq"), row.int64(4)}};
    });
}

SyncPage DirectoryStore::responders(qint64 afterSeq, int limit) const
{
    SqlStatement query(
        m_database,
        QStringLiteral("SELECT id, login, name, department_id, role, title, active, seq,"
                       " script_editor FROM responders WHERE seq > ? ORDER BY seq LIMIT ?"),
        {afterSeq, limit + 1});
    return readPage(query, limit, [](const SqlStatement &row) {
        return QJsonObject{{QStringLiteral("id"), row.int64(0)},
                           {QStringLiteral("login"), row.text(1)},
                           {QStringLiteral("name"), row.text(2)},
                           {QStringLiteral("departmentId"), row.int64(3)},
                           {QStringLiteral("role"), row.text(4)},
                           {QStringLiteral("title"), row.text(5)},
                           {QStringLiteral("active"), row.int64(6) != 0},
                           {QStringLiteral("scriptEditor"), row.int64(8) != 0},
                           {QStringLiteral("seq"), row.int64(7)}};
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
        return QJsonObject{
            {QStringLiteral("id"), row.int64(0)},
            {QStringLiteral("login"), row.text(1)},
            {QStringLiteral("name"), row.text(2)},
            {QStringLiteral("kind"), row.text(3)},
            {QStringLiteral("delegation"), row.text(4)},
            {QStringLiteral("sector"), row.text(5)},
            {QStringLiteral("organization"), row.text(6)},
            {QStringLiteral("contact"), QJsonObject{{QStringLiteral("mobile"), row.text(7)},
                                                    {QStringLiteral("officePhone"), row.text(8)},
                                                    {QStringLiteral("email"), row.text(9)},
                                                    {QStringLiteral("address"), row.text(10)}}},
            {QStringLiteral("seq"), row.int64(11)}};
    });
}

QJsonArray DirectoryStore::coDepartments(qint64 proposalId) const
{
    QJsonArray ids;
    SqlStatement query(m_database,
                       QStringLiteral("SELECT department_id FROM proposal_co_departments"
                                      " WHERE proposal_id = ? ORDER BY department_id"),
                       {proposalId});
    while (query.next())
        ids.append(query.int64(0));
    return ids;
}

SyncPage DirectoryStore::proposals(qint64 afterSeq, int limit) const
{
    SqlStatement query(
        m_database,
        QStringLiteral("SELECT id, representative_id, number, year, kind, title, category,"
                       " status, lead_department_id, reply_summary, seq FROM proposals"
                       " WHERE seq > ? ORDER BY seq LIMIT ?"),
        {afterSeq, limit + 1});
    return readPage(query, limit, [this](const SqlStatement &row) {
        return QJsonObject{{QStringLiteral("id"), row.int64(0)},
                           {QStringLiteral("representativeId"), row.int64(1)},
                           {QStringLiteral("number"), row.text(2)},
                           {QStringLiteral("year"), row.int64(3)},
                           {QStringLiteral("kind"), row.text(4)},
                           {QStringLiteral("title"), row.text(5)},
                           {QStringLiteral("category"), row.text(6)},
                           {QStringLiteral("status"), row.text(7)},
                           {QStringLiteral("leadDepartmentId"),
                            row.value(8).isNull() ? QJsonValue() : QJsonValue(row.int64(8))},
                           {QStringLiteral("coDepartmentIds"), coDepartments(row.int64(0))},
                           {QStringLiteral("replySummary"), row.text(9)},
                           {QStringLiteral("seq"), row.int64(10)}};
    });
}
