#include "DemoSeeder.h"

#include "DemoCatalog.h"
#include "DemoScripts.h"
#include "app/audio/OggOpusDecoder.h"
#include "app/audio/Waveform.h"
#include "app/domain/Vocabulary.h"
#include "server/auth/PasswordHasher.h"
#include "server/storage/Database.h"
#include "server/storage/Sql.h"
#include "server/storage/WriteTransaction.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace DemoSeeder {
namespace {

class Seeder
{
public:
    Seeder(Database &database, qint64 now)
        : m_database(database)
        , m_db(database.connection())
        , m_now(now)
    {}

    bool run(const DemoCatalog &catalog, const QList<DemoVoiceClip> &clips);
    QString summary() const { return m_summary; }

private:
    bool exec(const QString &sql, const QVariantList &values)
    {
        return SqlStatement(m_db, sql, values).ok();
    }
    // An INSERT into a table with an auto-numbered id; returns that id (0 on failure).
    qint64 insert(const QString &sql, const QVariantList &values)
    {
        SqlStatement statement(m_db, sql + QStringLiteral(" RETURNING id"), values);
        return statement.returnedId();
    }
    bool departments(const DemoCatalog &catalog);
    bool responders(const DemoCatalog &catalog);
    bool representatives(const DemoCatalog &catalog);
    bool proposals(const DemoCatalog &catalog);
    bool voiceClips(const QList<DemoVoiceClip> &clips);
    bool consultations(const DemoCatalog &catalog);
    bool scripts(const DemoCatalog &catalog);
    bool consultation(const DemoConsultation &c, int index);
    qint64 message(qint64 consultationId, SenderKind senderKind, qint64 senderId, MessageKind kind,
                   const QString &body, qint64 voiceClipId, qint64 at);

    Database &m_database;
    QSqlDatabase m_db;
    qint64 m_now;
    QList<qint64> m_departmentIds;
    QList<qint64> m_responderIds;
    QList<qint64> m_representativeIds;
    QList<qint64> m_voiceClipIds;
    QString m_summary;
};

bool Seeder::departments(const DemoCatalog &catalog)
{
    for (const DemoDepartment &d : catalog.departments) {
        m_departmentIds << insert(
            QStringLiteral(
                "INSERT INTO departments (code, name, name_en, seq) VALUES (?, ?, ?, ?)"),
            {d.code, d.name, d.nameEn, m_database.nextSeq()});
    }
    return !m_departmentIds.contains(0);
}

bool Seeder::responders(const DemoCatalog &catalog)
{
    // One Argon2id hash for the shared demo password: hashing each of ~150 accounts separately
    // would only slow the first start down.
    const QString hash = PasswordHasher::hash(demoResponderPassword());
    for (const DemoResponder &r : catalog.responders) {
        m_responderIds << insert(
            QStringLiteral("INSERT INTO responders (login, name, department_id, role, title,"
                           " password_hash, script_editor, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            {r.login, r.name, m_departmentIds.value(r.department),
             wireName(r.lead ? ResponderRole::Lead : ResponderRole::Responder), r.title, hash,
             r.lead ? 1 : 0, m_database.nextSeq()});
    }
    return !hash.isEmpty() && !m_responderIds.contains(0);
}

bool Seeder::representatives(const DemoCatalog &catalog)
{
    const QString hash = PasswordHasher::hash(demoRepresentativePassword());
    for (const DemoRepresentative &r : catalog.representatives) {
        m_representativeIds << insert(
            QStringLiteral(
                "INSERT INTO representatives (login, name, kind, delegation, sector, organization,"
                " mobile, office_phone, email, address, password_hash, seq)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {r.login, r.name, wireName(r.npc ? RepresentativeKind::Npc : RepresentativeKind::Cppcc),
             r.delegation, r.sector, r.organization, r.mobile, r.officePhone, r.email, r.address,
             hash, m_database.nextSeq()});
    }
    return !hash.isEmpty() && !m_representativeIds.contains(0);
}

bool Seeder::proposals(const DemoCatalog &catalog)
{
    for (const DemoProposal &p : catalog.proposals) {
        const qint64 id = insert(
            QStringLiteral("INSERT INTO proposals (representative_id, number, year, kind, title,"
                           " category, category_en, status, lead_department_id, reply_summary,"
                           " seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {m_representativeIds.value(p.representative), p.number, p.year,
             wireName(p.suggestion ? ProposalKind::Suggestion : ProposalKind::Proposal), p.title,
             p.category, p.categoryEn, wireName(p.status), m_departmentIds.value(p.leadDepartment),
             p.replySummary, m_database.nextSeq()});
        if (id == 0)
            return false;
        for (int co : p.coDepartments) {
            if (!exec(QStringLiteral("INSERT INTO proposal_co_departments (proposal_id, "
                                     "department_id) VALUES (?, ?)"),
                      {id, m_departmentIds.value(co)}))
                return false;
        }
    }
    return true;
}

bool Seeder::voiceClips(const QList<DemoVoiceClip> &clips)
{
    for (const DemoVoiceClip &clip : clips) {
        const auto decoded = decodeOggOpus(clip.data);
        if (!decoded)
            return false;
        const QByteArray waveform = packWaveform5bit(
            computeWaveform(decoded->samples.constData(), decoded->samples.size()));
        m_voiceClipIds << insert(
            QStringLiteral("INSERT INTO voice_clips (duration_ms, bytes, waveform, data)"
                           " VALUES (?, ?, ?, ?)"),
            {decoded->durationMs, clip.data.size(), QString::fromLatin1(waveform.toBase64()),
             clip.data});
    }
    return !m_voiceClipIds.contains(0);
}

qint64 Seeder::message(qint64 consultationId, SenderKind senderKind, qint64 senderId,
                       MessageKind kind, const QString &body, qint64 voiceClipId, qint64 at)
{
    const bool system = senderKind == SenderKind::System;
    return insert(
        QStringLiteral(
            "INSERT INTO messages (consultation_id, sender_kind, sender_id, client_msg_id, kind,"
            " body, voice_clip_id, created_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {consultationId, wireName(senderKind), system ? nullableId(0) : QVariant(senderId),
         system ? QVariant() : QVariant(QStringLiteral("demo-%1-%2").arg(consultationId).arg(at)),
         wireName(kind), body, nullableId(voiceClipId), at, m_database.nextSeq()});
}

QString systemBody(const QJsonObject &payload)
{
    return QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
}

bool Seeder::consultation(const DemoConsultation &c, int index)
{
    const qint64 representativeId = m_representativeIds.value(c.representative);
    const qint64 responderId = m_responderIds.value(c.responder);
    qint64 at = m_now - c.startOffsetSecs * 1000;
    const qint64 id = insert(
        QStringLiteral("INSERT INTO consultations (representative_id, client_id, department_id,"
                       " state, subject, created_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {representativeId, QStringLiteral("demo-%1").arg(index),
         m_departmentIds.value(c.department), wireName(ConsultationState::Waiting), c.subject, at,
         m_database.nextSeq()});
    if (id == 0 || !exec(QStringLiteral("INSERT INTO consultation_participants (consultation_id, "
                                        "responder_id) VALUES (?, ?)"),
                         {id, responderId}))
        return false;

    // A plausible rhythm: claimed within minutes, answers a minute or two apart.
    const qint64 claimedAt = at + (60 + index % 240) * 1000;
    bool ok = message(id, SenderKind::System, 0, MessageKind::System,
                      systemBody({{QStringLiteral("event"), wireName(SystemEvent::Claimed)},
                                  {QStringLiteral("responderId"), responderId}}),
                      0, claimedAt);
    at = claimedAt;
    for (const DemoMessage &m : c.messages) {
        at += (45 + (index * 7 + m.text.size()) % 150) * 1000;
        const qint64 sender = m.fromRepresentative ? representativeId : responderId;
        const SenderKind senderKind =
            m.fromRepresentative ? SenderKind::Representative : SenderKind::Responder;
        const bool voice = m.voiceClip >= 0 && m.voiceClip < m_voiceClipIds.size();
        ok = ok &&
             message(id, senderKind, sender, voice ? MessageKind::Voice : MessageKind::Text,
                     voice ? QString() : m.text, voice ? m_voiceClipIds.at(m.voiceClip) : 0, at);
    }
    const qint64 closedAt = at + 120 * 1000;
    ok = ok && message(id, SenderKind::System, 0, MessageKind::System,
                       systemBody({{QStringLiteral("event"), wireName(SystemEvent::Closed)},
                                   {QStringLiteral("responderId"), responderId},
                                   {QStringLiteral("summary"), c.closeSummary}}),
                       0, closedAt);
    const qint64 ratedAt = closedAt + 300 * 1000;
    if (c.rating > 0) {
        ok = ok && message(id, SenderKind::System, 0, MessageKind::System,
                           systemBody({{QStringLiteral("event"), wireName(SystemEvent::Rated)},
                                       {QStringLiteral("rating"), c.rating}}),
                           0, ratedAt);
    }
    return ok &&
           exec(QStringLiteral(
                    "UPDATE consultations SET state = ?, assignee_id = ?, claimed_at = ?,"
                    " closed_at = ?, close_summary = ?, rating = ?, rated_at = ?, seq = ? WHERE id "
                    "= ?"),
                {wireName(ConsultationState::Closed), responderId, claimedAt, closedAt,
                 c.closeSummary, c.rating > 0 ? QVariant(c.rating) : QVariant(),
                 c.rating > 0 ? QVariant(ratedAt) : nullableId(0), m_database.nextSeq(), id});
}

bool Seeder::consultations(const DemoCatalog &catalog)
{
    for (int i = 0; i < catalog.consultations.size(); ++i) {
        if (!consultation(catalog.consultations.at(i), i))
            return false;
    }
    return true;
}

// Each department's lead wrote its starting scripts.
bool Seeder::scripts(const DemoCatalog &catalog)
{
    const QList<DemoScript> templates = demoScripts();
    for (int r = 0; r < catalog.responders.size(); ++r) {
        const DemoResponder &lead = catalog.responders.at(r);
        if (!lead.lead)
            continue;
        const qint64 departmentId = m_departmentIds.value(lead.department);
        for (int i = 0; i < templates.size(); ++i) {
            const DemoScript &t = templates.at(i);
            const QString tags = QString::fromUtf8(
                QJsonDocument(QJsonArray::fromStringList(t.tags)).toJson(QJsonDocument::Compact));
            const QString clientId = QStringLiteral("demo-%1-%2").arg(departmentId).arg(i + 1);
            if (!exec(QStringLiteral("INSERT INTO reply_scripts (client_id, scope, department_id,"
                                     " title, body, category, tags, valid_until, position,"
                                     " revision, created_by, updated_by, updated_at, seq,"
                                     " last_edit_id)"
                                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)"),
                      {clientId, wireName(ScriptScope::Department), departmentId, t.title, t.body,
                       t.category, tags,
                       t.validUntil.isEmpty() ? QVariant() : QVariant(t.validUntil), i + 1,
                       m_responderIds.value(r), m_responderIds.value(r), m_now,
                       m_database.nextSeq(), clientId}))
                return false;
        }
    }
    return true;
}

bool Seeder::run(const DemoCatalog &catalog, const QList<DemoVoiceClip> &clips)
{
    WriteTransaction transaction(m_database);
    const bool ok = departments(catalog) && responders(catalog) && representatives(catalog) &&
                    proposals(catalog) && voiceClips(clips) && consultations(catalog) &&
                    scripts(catalog) && transaction.commit();
    m_summary = QStringLiteral("%1 departments, %2 responders, %3 representatives, %4 proposals,"
                               " %5 consultations, %6 voice clips")
                    .arg(catalog.departments.size())
                    .arg(catalog.responders.size())
                    .arg(catalog.representatives.size())
                    .arg(catalog.proposals.size())
                    .arg(catalog.consultations.size())
                    .arg(clips.size());
    return ok;
}

} // namespace

QList<DemoVoiceClip> bundledVoiceClips()
{
    QFile index(QStringLiteral(":/demo/voice/clips.json"));
    if (!index.open(QIODevice::ReadOnly))
        return {};
    QList<DemoVoiceClip> clips;
    for (const QJsonValue &entry : QJsonDocument::fromJson(index.readAll()).array()) {
        const QJsonObject object = entry.toObject();
        QFile file(QStringLiteral(":/demo/voice/") +
                   object.value(QLatin1String("file")).toString());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        clips << DemoVoiceClip{file.readAll(), object.value(QLatin1String("text")).toString(),
                               object.value(QLatin1String("speaker")).toString() !=
                                   wireName(SenderKind::Responder)};
    }
    return clips;
}

Expected<Report, QString> seed(Database &database, const DemoCatalog &catalog,
                               const QList<DemoVoiceClip> &clips, qint64 nowMs)
{
    if (!database.isEmpty())
        return QStringLiteral(
            "the database already holds data; demo data goes only into an empty one");
    Seeder seeder(database, nowMs);
    if (!seeder.run(catalog, clips))
        return QStringLiteral("writing the demo data failed; nothing was stored");
    return Report{seeder.summary()};
}

} // namespace DemoSeeder
