#include "CacheWriter.h"

#include "app/domain/FieldCount.h"
#include "app/sql/SqlBinding.h"
#include "app/sql/Transaction.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace {

// The cache stores absent ids and times as NULL, as the server sends them.
QVariant nullable(qint64 value)
{
    return value > 0 ? QVariant(value) : QVariant();
}

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString json(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString idList(const QList<qint64> &ids)
{
    QStringList parts;
    for (qint64 id : ids)
        parts << QString::number(id);
    return parts.join(QLatin1Char(','));
}

} // namespace

// A field added to a record must get its column here (and a numbered migration in
// CacheSchema). Fields the cache deliberately does not keep are named where they are skipped.
static_assert(fieldCount<Department>() == 5 && fieldCount<Responder>() == 9,
              "a record gained a field: give it a cache column");
static_assert(fieldCount<Representative>() == 9 && fieldCount<Contact>() == 4,
              "a record gained a field: give it a cache column");
static_assert(fieldCount<Proposal>() == 13, "a record gained a field: give it a cache column");
static_assert(fieldCount<Consultation>() == 16 && fieldCount<Transfer>() == 7,
              "a record gained a field: give it a cache column");
static_assert(fieldCount<Message>() == 11 && fieldCount<VoiceInfo>() == 3,
              "a record gained a field: give it a cache column");

// "INSERT … ON CONFLICT (id) DO UPDATE": an update keeps the row, so the full-text triggers
// see an update rather than a delete they might miss. Prepared once per table: live events
// come through here one record at a time.
bool CacheWriter::upsertRow(const QString &table, const QStringList &columns,
                            const QVariantList &values)
{
    auto &query = m_upserts[table];
    if (!query) {
        QStringList placeholders;
        QStringList updates;
        for (const QString &column : columns) {
            placeholders << QStringLiteral("?");
            if (column != QLatin1String("id"))
                updates << column + QStringLiteral(" = excluded.") + column;
        }
        query = std::make_unique<QSqlQuery>(m_db);
        // An older version of a record (a late event) never overwrites a newer one.
        if (!query->prepare(
                QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (id) DO UPDATE SET %4"
                               " WHERE excluded.seq >= %1.seq")
                    .arg(table, columns.join(QLatin1Char(',')), placeholders.join(QLatin1Char(',')),
                         updates.join(QLatin1Char(',')))))
            return false;
    }
    for (int i = 0; i < values.size(); ++i)
        query->bindValue(i, sqlBindable(values.at(i)));
    return query->exec();
}

bool CacheWriter::store(const SyncedRecord &record)
{
    return std::visit([this](const auto &r) { return storeRecord(r); }, record);
}

bool CacheWriter::storeRecord(const Department &d)
{
    return upsertRow(QStringLiteral("departments"),
                     {QStringLiteral("id"), QStringLiteral("code"), QStringLiteral("name"),
                      QStringLiteral("name_en"), QStringLiteral("seq")},
                     {d.id, d.code, d.name, d.nameEn, d.seq});
}

bool CacheWriter::storeRecord(const Responder &r)
{
    // scriptEditor is not kept: the console asks it of the signed-in principal only.
    return upsertRow(
        QStringLiteral("responders"),
        {QStringLiteral("id"), QStringLiteral("login"), QStringLiteral("name"),
         QStringLiteral("department_id"), QStringLiteral("role"), QStringLiteral("title"),
         QStringLiteral("active"), QStringLiteral("seq")},
        {r.id, r.login, r.name, r.departmentId, wireName(r.role), r.title, r.active, r.seq});
}

bool CacheWriter::storeRecord(const Representative &r)
{
    return upsertRow(
        QStringLiteral("representatives"),
        {QStringLiteral("id"), QStringLiteral("login"), QStringLiteral("name"),
         QStringLiteral("kind"), QStringLiteral("delegation"), QStringLiteral("sector"),
         QStringLiteral("organization"), QStringLiteral("mobile"), QStringLiteral("office_phone"),
         QStringLiteral("email"), QStringLiteral("address"), QStringLiteral("seq")},
        {r.id, r.login, r.name, wireName(r.kind), r.delegation, r.sector, r.organization,
         r.contact.mobile, r.contact.officePhone, r.contact.email, r.contact.address, r.seq});
}

bool CacheWriter::storeRecord(const Proposal &p)
{
    return upsertRow(QStringLiteral("proposals"),
                     {QStringLiteral("id"), QStringLiteral("representative_id"),
                      QStringLiteral("number"), QStringLiteral("year"), QStringLiteral("kind"),
                      QStringLiteral("title"), QStringLiteral("category"),
                      QStringLiteral("category_en"), QStringLiteral("status"),
                      QStringLiteral("lead_department_id"), QStringLiteral("co_department_ids"),
                      QStringLiteral("reply_summary"), QStringLiteral("seq")},
                     {p.id, p.representativeId, p.number, p.year, wireName(p.kind), p.title,
                      p.category, p.categoryEn, wireName(p.status), nullable(p.leadDepartmentId),
                      idList(p.coDepartmentIds), p.replySummary, p.seq});
}

bool CacheWriter::storeRecord(const Consultation &c)
{
    // clientId is not kept: it is the representative's key, of no use at a responder's desk.
    return upsertRow(
        QStringLiteral("consultations"),
        {QStringLiteral("id"), QStringLiteral("representative_id"), QStringLiteral("department_id"),
         QStringLiteral("state"), QStringLiteral("assignee_id"), QStringLiteral("subject"),
         QStringLiteral("created_at"), QStringLiteral("claimed_at"), QStringLiteral("closed_at"),
         QStringLiteral("close_summary"), QStringLiteral("rating"),
         QStringLiteral("rating_comment"), QStringLiteral("rated_at"),
         QStringLiteral("last_transfer"), QStringLiteral("seq")},
        {c.id, c.representativeId, c.departmentId, wireName(c.state), nullable(c.assigneeId),
         c.subject, c.createdAt, nullable(c.claimedAt), nullable(c.closedAt), c.closeSummary,
         nullable(c.rating), c.ratingComment, nullable(c.ratedAt),
         c.lastTransfer ? QVariant(json(c.lastTransfer->toJson())) : QVariant(), c.seq});
}

bool CacheWriter::storeRecord(const Message &m)
{
    // payload: the voice clip's facts or the system event, as the server sent them.
    QString payload;
    if (m.kind == MessageKind::Voice)
        payload = json(m.voice.toJson());
    else if (m.kind == MessageKind::System)
        payload = json(m.system);
    return upsertRow(
        QStringLiteral("messages"),
        {QStringLiteral("id"), QStringLiteral("consultation_id"), QStringLiteral("sender_kind"),
         QStringLiteral("sender_id"), QStringLiteral("client_msg_id"), QStringLiteral("kind"),
         QStringLiteral("text"), QStringLiteral("payload"), QStringLiteral("created_at"),
         QStringLiteral("seq")},
        {m.id, m.consultationId, wireName(m.senderKind), nullable(m.senderId),
         m.clientMsgId.isEmpty() ? QVariant() : QVariant(m.clientMsgId), wireName(m.kind), m.text,
         payload.isEmpty() ? QVariant() : QVariant(payload), m.createdAt, m.seq});
}

bool CacheWriter::storeRecord(const SyncedScript &s)
{
    // A deleted script arrives as a tombstone with a newer seq.
    if (s.deleted) {
        QSqlQuery drop(m_db);
        return execBound(drop, QStringLiteral("DELETE FROM scripts WHERE id = ? AND seq <= ?"),
                         {s.id, s.seq});
    }
    return upsertRow(QStringLiteral("scripts"),
                     {QStringLiteral("id"), QStringLiteral("client_id"), QStringLiteral("record"),
                      QStringLiteral("seq")},
                     {s.id, s.clientId, json(s.record), s.seq});
}

bool CacheWriter::removeConsultation(qint64 id)
{
    QSqlQuery query(m_db);
    return execBound(query, QStringLiteral("DELETE FROM messages WHERE consultation_id = ?"),
                     {id}) &&
           execBound(query, QStringLiteral("DELETE FROM consultations WHERE id = ?"), {id});
}

bool CacheWriter::applyPage(const QString &stream, const QList<SyncedRecord> &records,
                            const QJsonArray &removed, const QString &cursor)
{
    Transaction transaction(m_db);
    bool ok = transaction.isOpen();
    for (const SyncedRecord &record : records)
        ok = ok && store(record);
    for (const QJsonValue &id : removed) // consultations only (docs/protocol.md, section 7)
        ok = ok && removeConsultation(id.toInteger());
    QSqlQuery save(m_db);
    ok = ok &&
         execBound(save,
                   QStringLiteral("INSERT INTO sync_cursors (stream, cursor) VALUES (?, ?)"
                                  " ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor"),
                   {stream, cursor});
    return ok && transaction.commit();
}

bool CacheWriter::storeRecord(const VoiceTranscript &t)
{
    // Merged with what this workstation's own engine heard, in one statement: the server's
    // text wins when it has one, a local text stays when the server has none; the correction
    // is the server's; a late event never overwrites a newer record.
    QSqlQuery store(m_db);
    const QString machine = t.machineText();
    return execBound(
        store,
        QStringLiteral(
            "INSERT INTO transcripts (message_id, engine, language, text, failure, updated_at,"
            " machine_text, corrected, segments, state, revision, seq)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (message_id) DO UPDATE SET"
            " engine = CASE WHEN excluded.machine_text <> '' OR transcripts.machine_text = ''"
            "  THEN excluded.engine ELSE transcripts.engine END,"
            " language = CASE WHEN excluded.machine_text <> '' OR transcripts.machine_text = ''"
            "  THEN excluded.language ELSE transcripts.language END,"
            " segments = CASE WHEN excluded.machine_text <> '' OR transcripts.machine_text = ''"
            "  THEN excluded.segments ELSE transcripts.segments END,"
            " failure = CASE WHEN excluded.machine_text = '' AND transcripts.machine_text <> ''"
            "  THEN '' ELSE excluded.failure END,"
            " text = CASE WHEN excluded.corrected THEN excluded.text"
            "  WHEN excluded.machine_text <> '' THEN excluded.machine_text"
            "  ELSE transcripts.machine_text END,"
            " machine_text = CASE WHEN excluded.machine_text <> '' THEN excluded.machine_text"
            "  ELSE transcripts.machine_text END,"
            " updated_at = excluded.updated_at, corrected = excluded.corrected,"
            " state = excluded.state, revision = excluded.revision, seq = excluded.seq"
            " WHERE excluded.seq >= transcripts.seq"),
        {t.messageId, t.machine.engineId, t.machine.language,
         t.isCorrected() ? t.correctedText : machine,
         t.state == TranscriptState::Pending ? QString() : t.failure, t.updatedAt, machine,
         t.isCorrected(), json(t.machine.segmentsJson()), wireName(t.state), t.revision, t.seq});
}
