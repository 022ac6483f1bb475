#include "ConsultationStore.h"

#include "Database.h"
#include "Sql.h"
#include "Visibility.h"

#include <algorithm>

namespace {

QString selectConsultations()
{
    return QStringLiteral("SELECT ") + ConsultationRows::columns() +
           QStringLiteral(
               " FROM consultations c LEFT JOIN transfers t ON t.id = c.last_transfer_id ");
}

} // namespace

ConsultationStore::ConsultationStore(Database &database)
    : m_database(database)
{}

std::optional<Consultation> ConsultationStore::find(qint64 id) const
{
    SqlStatement query(m_database, selectConsultations() + QStringLiteral("WHERE c.id = ?"), {id});
    if (!query.ok() || !query.next())
        return std::nullopt;
    return ConsultationRows::read(query);
}

std::optional<Consultation> ConsultationStore::findByClientId(qint64 representativeId,
                                                              const QString &clientId) const
{
    SqlStatement query(m_database,
                       selectConsultations() +
                           QStringLiteral("WHERE c.representative_id = ? AND c.client_id = ?"),
                       {representativeId, clientId});
    if (!query.ok() || !query.next())
        return std::nullopt;
    return ConsultationRows::read(query);
}

bool ConsultationStore::isParticipant(qint64 consultationId, qint64 responderId) const
{
    SqlStatement query(m_database,
                       QStringLiteral("SELECT 1 FROM consultation_participants"
                                      " WHERE consultation_id = ? AND responder_id = ?"),
                       {consultationId, responderId});
    return query.ok() && query.next();
}

QList<qint64> ConsultationStore::participants(qint64 consultationId) const
{
    QList<qint64> ids;
    SqlStatement query(
        m_database,
        QStringLiteral(
            "SELECT responder_id FROM consultation_participants WHERE consultation_id = ?"),
        {consultationId});
    while (query.next())
        ids << query.int64(0);
    return ids;
}

bool ConsultationStore::canSee(const Principal &principal, const Consultation &consultation) const
{
    if (principal.isRepresentative())
        return consultation.representativeId == principal.id;
    if (!principal.isResponder())
        return false;
    return consultation.departmentId == principal.departmentId ||
           isParticipant(consultation.id, principal.id);
}

std::optional<qint64> ConsultationStore::create(qint64 representativeId, qint64 departmentId,
                                                const QString &subject, const QString &clientId,
                                                qint64 now)
{
    const qint64 seq = m_database.nextSeq();
    SqlStatement insert(
        m_database,
        QStringLiteral("INSERT INTO consultations (representative_id, client_id,"
                       " department_id, state, subject, created_at, seq,"
                       " created_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {representativeId, clientId, departmentId, wireName(ConsultationState::Waiting), subject,
         now, seq, seq});
    if (!insert.ok())
        return std::nullopt;
    return insert.returnedId();
}

bool ConsultationStore::bumpAndAddParticipant(qint64 id, qint64 responderId)
{
    if (responderId <= 0)
        return true;
    // Portable "insert if absent": both SQLite and PostgreSQL accept this form.
    return SqlStatement(m_database,
                        QStringLiteral(
                            "INSERT INTO consultation_participants (consultation_id, responder_id)"
                            " SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM consultation_participants"
                            " WHERE consultation_id = ? AND responder_id = ?)"),
                        {id, responderId, id, responderId})
        .ok();
}

bool ConsultationStore::claim(qint64 id, qint64 departmentId, qint64 responderId, qint64 now)
{
    SqlStatement update(m_database,
                        QStringLiteral("UPDATE consultations SET state = ?, assignee_id = ?,"
                                       " claimed_at = ?, seq = ?"
                                       " WHERE id = ? AND state = ? AND department_id = ?"),
                        {wireName(ConsultationState::Claimed), responderId, now,
                         m_database.nextSeq(), id, wireName(ConsultationState::Waiting),
                         departmentId});
    return update.ok() && update.rowsAffected() == 1 && bumpAndAddParticipant(id, responderId);
}

bool ConsultationStore::transfer(const Consultation &current, const Transfer &transfer)
{
    SqlStatement insert(
        m_database,
        QStringLiteral("INSERT INTO transfers (consultation_id, from_department_id,"
                       " from_responder_id, to_department_id, to_responder_id, reason,"
                       " by_responder_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                       " RETURNING id"),
        {current.id, transfer.fromDepartmentId, nullableId(transfer.fromResponderId),
         transfer.toDepartmentId, nullableId(transfer.toResponderId), transfer.reason,
         transfer.byResponderId, transfer.at});
    const qint64 transferId = insert.returnedId();
    if (transferId == 0)
        return false;
    const bool toPerson = transfer.toResponderId > 0;
    const qint64 seq = m_database.nextSeq();
    // Compare-and-set on the state and holder the caller checked, so a concurrent change wins
    // cleanly instead of being overwritten.
    SqlStatement update(
        m_database,
        QStringLiteral("UPDATE consultations SET department_id = ?, state = ?, assignee_id = ?,"
                       " claimed_at = ?, last_transfer_id = ?, seq = ?"
                       " WHERE id = ? AND state = ? AND COALESCE(assignee_id, 0) = ?"),
        {transfer.toDepartmentId,
         wireName(toPerson ? ConsultationState::Claimed : ConsultationState::Waiting),
         nullableId(transfer.toResponderId), toPerson ? QVariant(transfer.at) : nullableId(0),
         transferId, seq, current.id, wireName(current.state), current.assigneeId});
    if (!update.ok() || update.rowsAffected() != 1)
        return false;
    if (transfer.toDepartmentId != current.departmentId &&
        !SqlStatement(m_database,
                      QStringLiteral("INSERT INTO consultation_departures (seq, consultation_id,"
                                     " department_id) VALUES (?, ?, ?)"),
                      {seq, current.id, current.departmentId})
             .ok())
        return false;
    return bumpAndAddParticipant(current.id, transfer.toResponderId);
}

bool ConsultationStore::close(qint64 id, const QString &summary, qint64 now)
{
    SqlStatement update(m_database,
                        QStringLiteral("UPDATE consultations SET state = ?, close_summary = ?,"
                                       " closed_at = ?, seq = ? WHERE id = ? AND state <> ?"),
                        {wireName(ConsultationState::Closed), summary, now, m_database.nextSeq(),
                         id, wireName(ConsultationState::Closed)});
    return update.ok() && update.rowsAffected() == 1;
}

bool ConsultationStore::rate(qint64 id, int rating, const QString &comment, qint64 now)
{
    SqlStatement update(
        m_database,
        QStringLiteral("UPDATE consultations SET rating = ?, rating_comment = ?,"
                       " rated_at = ?, seq = ?"
                       " WHERE id = ? AND state = ? AND rating IS NULL"),
        {rating, comment, now, m_database.nextSeq(), id, wireName(ConsultationState::Closed)});
    return update.ok() && update.rowsAffected() == 1;
}

QList<qint64> ConsultationStore::departuresAt(qint64 seq) const
{
    QList<qint64> departments;
    SqlStatement query(
        m_database,
        QStringLiteral("SELECT department_id FROM consultation_departures WHERE seq = ?"), {seq});
    while (query.next())
        departments << query.int64(0);
    return departments;
}

SyncPage ConsultationStore::page(const Principal &principal, qint64 afterSeq, int limit) const
{
    QVariantList values{afterSeq};
    values += visibleConsultationValues(principal);
    values << limit + 1;
    SqlStatement query(m_database,
                       selectConsultations() + QStringLiteral("WHERE c.seq > ? AND ") +
                           visibleConsultationClause(principal) +
                           QStringLiteral(" ORDER BY c.seq LIMIT ?"),
                       values);
    QList<Consultation> records;
    while (query.next())
        records << ConsultationRows::read(query);

    // Departures of the responder's department that left it out of sight; merged by seq.
    QList<QPair<qint64, qint64>> departures; // seq, consultation id
    if (principal.isResponder()) {
        SqlStatement gone(
            m_database,
            QStringLiteral("SELECT MAX(d.seq), d.consultation_id FROM consultation_departures d"
                           " JOIN consultations c ON c.id = d.consultation_id"
                           " WHERE d.seq > ? AND d.department_id = ? AND NOT ") +
                visibleConsultationClause(principal) +
                QStringLiteral(" GROUP BY d.consultation_id ORDER BY MAX(d.seq) LIMIT ?"),
            {afterSeq, principal.departmentId, principal.departmentId, principal.id, limit + 1});
        while (gone.next())
            departures.append({gone.int64(0), gone.int64(1)});
    }

    SyncPage page;
    int i = 0;
    int j = 0;
    while (page.items.size() + page.removed.size() < limit &&
           (i < records.size() || j < departures.size())) {
        const bool takeRecord =
            j >= departures.size() || (i < records.size() && records[i].seq < departures[j].first);
        if (takeRecord) {
            page.lastSeq = records[i].seq;
            page.items.append(records[i++].toJson());
        } else {
            page.lastSeq = departures[j].first;
            page.removed.append(departures[j++].second);
        }
    }
    page.more = i < records.size() || j < departures.size();
    return page;
}
