#include "GeneratedCache.h"

#include "app/storage/CacheDatabase.h"
#include "server/demo/DemoCatalog.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <random>

namespace {
QStringList sentencesOf(const DemoCatalog &catalog)
{
    QStringList sentences;
    for (const DemoConsultation &c : catalog.consultations) {
        for (const DemoMessage &m : c.messages) {
            if (!m.text.isEmpty())
                sentences << m.text;
        }
    }
    for (const DemoProposal &p : catalog.proposals)
        sentences << p.title;
    return sentences;
}

bool run(QSqlQuery &query, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    return query.exec();
}
} // namespace

bool GeneratedCache::write(const QString &path)
{
    auto cache = CacheDatabase::open(path);
    if (!cache)
        return false;
    QSqlDatabase db = (*cache)->connection();
    const DemoCatalog catalog = buildDemoCatalog();
    const QStringList sentences = sentencesOf(catalog);
    std::mt19937 random(11);
    auto pick = [&](const QStringList &from) {
        return from.at(int(random() % from.size()));
    };

    db.transaction();
    QSqlQuery department(db);
    department.prepare(QStringLiteral(
        "INSERT INTO departments (id, code, name, name_en, seq) VALUES (?, ?, ?, ?, 1)"));
    for (int i = 0; i < catalog.departments.size(); ++i) {
        const DemoDepartment &d = catalog.departments.at(i);
        run(department, {i + 1, d.code, d.name, d.nameEn});
    }
    QSqlQuery responder(db);
    responder.prepare(QStringLiteral("INSERT INTO responders (id, login, name, department_id,"
                                     " role, title, seq) VALUES (?, ?, ?, ?, ?, ?, 1)"));
    for (int i = 0; i < catalog.responders.size(); ++i) {
        const DemoResponder &r = catalog.responders.at(i);
        run(responder, {i + 1, r.login, r.name, r.department + 1,
                        r.lead ? QStringLiteral("lead") : QStringLiteral("responder"), r.title});
        if (responderId == 0 && !r.lead) {
            responderId = i + 1;
            departmentId = r.department + 1;
        }
    }
    QSqlQuery representative(db);
    representative.prepare(QStringLiteral(
        "INSERT INTO representatives (id, login, name, kind, delegation, sector, organization,"
        " mobile, office_phone, email, address, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"));
    for (int i = 0; i < catalog.representatives.size(); ++i) {
        const DemoRepresentative &r = catalog.representatives.at(i);
        run(representative,
            {i + 1, r.login, r.name, r.npc ? QStringLiteral("npc") : QStringLiteral("cppcc"),
             r.delegation, r.sector, r.organization, r.mobile, r.officePhone, r.email, r.address});
    }
    QSqlQuery proposal(db);
    proposal.prepare(QStringLiteral(
        "INSERT INTO proposals (id, representative_id, number, year, kind, title, category,"
        " category_en, status, lead_department_id, reply_summary, seq)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"));
    for (int i = 0; i < catalog.proposals.size(); ++i) {
        const DemoProposal &p = catalog.proposals.at(i);
        run(proposal,
            {i + 1, p.representative + 1, p.number, p.year,
             p.suggestion ? QStringLiteral("suggestion") : QStringLiteral("proposal"), p.title,
             p.category, p.categoryEn, wireName(p.status), p.leadDepartment + 1, p.replySummary});
    }

    // Consultations over the last two years, oldest first; the newest few hundred still open.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 span = 2LL * 365 * 24 * 3600 * 1000;
    QSqlQuery consultation(db);
    consultation.prepare(QStringLiteral(
        "INSERT INTO consultations (id, representative_id, department_id, state, assignee_id,"
        " subject, created_at, claimed_at, closed_at, close_summary, rating, seq)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"));
    const int reps = static_cast<int>(catalog.representatives.size());
    for (int id = 1; id <= consultations; ++id) {
        const qint64 created = now - span + span * id / (consultations + 1);
        const bool waiting = id > consultations - 300;
        const bool mine = !waiting && (id > consultations - 500 || id == 1);
        const QString state = waiting ? QStringLiteral("waiting")
                              : mine  ? QStringLiteral("claimed")
                                      : QStringLiteral("closed");
        run(consultation,
            {id, 1 + int(random() % reps), departmentId, state,
             waiting ? QVariant() : QVariant(mine ? responderId : responderId + 1),
             pick(sentences).left(40), created, waiting ? QVariant() : QVariant(created + 60000),
             state == QLatin1String("closed") ? QVariant(created + 3600000) : QVariant(),
             state == QLatin1String("closed") ? pick(sentences) : QString(),
             state == QLatin1String("closed") ? QVariant(1 + int(random() % 5)) : QVariant()});
    }
    db.commit();

    // Messages: `largest` in consultation 1, the rest spread over the others, in time order.
    QSqlQuery message(db);
    message.prepare(QStringLiteral(
        "INSERT INTO messages (id, consultation_id, sender_kind, sender_id, kind, text,"
        " created_at, seq) VALUES (?, ?, ?, ?, 'text', ?, ?, 1)"));
    db.transaction();
    for (int id = 1; id <= messages; ++id) {
        const int target = id <= largest ? 1 : 2 + int(random() % (consultations - 1));
        const bool fromRepresentative = random() % 2 == 0;
        QString text = pick(sentences);
        if (random() % 3 == 0)
            text += pick(sentences);
        run(message,
            {id, target,
             fromRepresentative ? QStringLiteral("representative") : QStringLiteral("responder"),
             fromRepresentative ? 1 : responderId, text, now - span + qint64(id) * 60000});
        if (id % 100000 == 0) {
            db.commit();
            db.transaction();
        }
    }
    return db.commit();
}
