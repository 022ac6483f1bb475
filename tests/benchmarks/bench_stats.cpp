// Department statistics benchmark (prints figures; never a test). A server database with a year
// of 1,000,000 consultations (CONSULT_BENCH_CONSULTATIONS) across the demo's 42 departments, one
// of them with at least 25,000, each claimed, answered, closed and mostly rated: about 4.6
// million messages. Then, against the real server over loopback:
//   - the year's dashboard of that department from the stored days (the target),
//     beside the naive figure: the same year refolded from the raw rows (exact: true);
//   - the first request after start, while the days are still being stored;
//   - today's dashboard, folded live;
// and the dashboard window's repaint at 1920x1080 with that year on it.
#include "IntegrationFixture.h"
#include "Percentile.h"
#include "TestClient.h"
#include "app/dashboard/DashboardModel.h"
#include "app/dashboard/StatsTableModel.h"
#include "app/protocol/Methods.h"
#include "app/session/DepartmentStatistics.h"
#include "ui/stats/ChartPanel.h"
#include "ui/stats/StatsDashboard.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimeZone>
#include <QtTest>

#include <cstdio>

namespace {

constexpr qint64 DayMs = 86400000;

void figure(const char *name, double value, const char *unit, const char *target)
{
    std::printf("%s: %.1f %s (target: %s)\n", name, value, unit, target);
    std::fflush(stdout);
}

QString system(const QJsonObject &payload)
{
    return QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
}

// A year of consultations straight into the server's tables (the server is not running yet):
// bulk inserts in one transaction with prepared statements.
bool generate(const QString &path, int consultations, qint64 busyDepartment, qint64 now)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("gen"));
    db.setDatabaseName(path);
    if (!db.open())
        return false;
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    q.exec(QStringLiteral("PRAGMA synchronous=OFF"));
    QList<qint64> departments;
    QHash<qint64, QList<qint64>> staff;
    QList<qint64> reps;
    q.exec(QStringLiteral("SELECT id FROM departments"));
    while (q.next())
        departments << q.value(0).toLongLong();
    q.exec(QStringLiteral("SELECT id, department_id FROM responders"));
    while (q.next())
        staff[q.value(1).toLongLong()] << q.value(0).toLongLong();
    q.exec(QStringLiteral("SELECT id FROM representatives"));
    while (q.next())
        reps << q.value(0).toLongLong();
    q.exec(QStringLiteral("SELECT MAX(seq) FROM messages"));
    qint64 seq = q.next() ? q.value(0).toLongLong() + 1000000 : 1000000;

    db.transaction();
    QSqlQuery consultation(db);
    consultation.prepare(QStringLiteral(
        "INSERT INTO consultations (representative_id, client_id, department_id, state,"
        " assignee_id, subject, created_at, claimed_at, closed_at, rating, rated_at, seq)"
        " VALUES (?, ?, ?, 'closed', ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery message(db);
    message.prepare(QStringLiteral(
        "INSERT INTO messages (consultation_id, sender_kind, sender_id, client_msg_id, kind,"
        " body, created_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    const auto put = [&](qint64 cid, const QString &kind, QVariant sender, QVariant clientId,
                         const QString &messageKind, const QString &body, qint64 at) {
        message.addBindValue(cid);
        message.addBindValue(kind);
        message.addBindValue(sender);
        message.addBindValue(clientId);
        message.addBindValue(messageKind);
        message.addBindValue(body);
        message.addBindValue(at);
        message.addBindValue(++seq);
        return message.exec();
    };
    QRandomGenerator random(2026);
    const int busyShare = std::max(25000, consultations / 40);
    for (int i = 0; i < consultations; ++i) {
        const qint64 department = i < busyShare
                                      ? busyDepartment
                                      : departments.at(int(random.bounded(departments.size())));
        const QList<qint64> &people = staff.value(department);
        if (people.isEmpty())
            continue;
        const qint64 who = people.at(int(random.bounded(people.size())));
        const qint64 rep = reps.at(int(random.bounded(reps.size())));
        const qint64 created = now - DayMs * 365 + qint64(random.bounded(DayMs * 365 - 3600000));
        const qint64 claimed = created + 1000 + qint64(random.bounded(900000));
        const qint64 answered = claimed + 1000 + qint64(random.bounded(600000));
        const qint64 closed = answered + 1000 + qint64(random.bounded(3600000));
        const bool rated = random.bounded(10) < 6;
        const int rating = 1 + int(random.bounded(5));
        consultation.addBindValue(rep);
        consultation.addBindValue(QStringLiteral("bench-%1").arg(i));
        consultation.addBindValue(department);
        consultation.addBindValue(who);
        consultation.addBindValue(QStringLiteral("咨询"));
        consultation.addBindValue(created);
        consultation.addBindValue(claimed);
        consultation.addBindValue(closed);
        consultation.addBindValue(rated ? QVariant(rating) : QVariant());
        consultation.addBindValue(rated ? QVariant(closed + 60000) : QVariant());
        consultation.addBindValue(++seq);
        if (!consultation.exec())
            return false;
        const qint64 cid = consultation.lastInsertId().toLongLong();
        bool ok = put(cid, QStringLiteral("representative"), rep, QStringLiteral("b%1r").arg(i),
                      QStringLiteral("text"), QStringLiteral("请问办理进度"), created + 500);
        ok = ok && put(cid, QStringLiteral("system"), {}, {}, QStringLiteral("system"),
                       system({{QStringLiteral("event"), QStringLiteral("claimed")},
                               {QStringLiteral("responderId"), who}}),
                       claimed);
        ok = ok && put(cid, QStringLiteral("responder"), who, QStringLiteral("b%1o").arg(i),
                       QStringLiteral("text"), QStringLiteral("正在办理"), answered);
        ok = ok && put(cid, QStringLiteral("system"), {}, {}, QStringLiteral("system"),
                       system({{QStringLiteral("event"), QStringLiteral("closed")},
                               {QStringLiteral("responderId"), who},
                               {QStringLiteral("summary"), QStringLiteral("已答复")}}),
                       closed);
        if (rated)
            ok = ok && put(cid, QStringLiteral("system"), {}, {}, QStringLiteral("system"),
                           system({{QStringLiteral("event"), QStringLiteral("rated")},
                                   {QStringLiteral("rating"), rating}}),
                           closed + 60000);
        if (!ok)
            return false;
    }
    return db.commit();
}

double timedRequest(TestClient &client, const QJsonObject &params, QJsonObject *report = nullptr)
{
    QElapsedTimer t;
    t.start();
    const Frame reply = client.call(Method::StatsDashboard, params, 600000);
    const double ms = double(t.nsecsElapsed()) / 1e6;
    if (reply.type != Frame::Type::Result) {
        std::fprintf(stderr, "stats.dashboard failed: %s\n", qPrintable(reply.errorMessage));
        return -1;
    }
    if (report)
        *report = reply.payload.value(QLatin1String("report")).toObject();
    return ms;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int count = qEnvironmentVariableIsSet("CONSULT_BENCH_CONSULTATIONS")
                          ? qEnvironmentVariableIntValue("CONSULT_BENCH_CONSULTATIONS")
                          : 1000000;
    IntegrationFixture fx({QStringLiteral("--stats-time-zone=Asia/Shanghai")});
    if (!fx.dir.isValid())
        return 1;
    // CONSULT_BENCH_STATS_DB: keep the generated database there and use it again next time
    // (its stored days are dropped, so that the first request is measured as after a start).
    const QString kept = qEnvironmentVariable("CONSULT_BENCH_STATS_DB");
    const QString path = kept.isEmpty() ? fx.location : kept;
    QElapsedTimer t;
    t.start();
    if (!kept.isEmpty() && QFile::exists(kept)) {
        fx.catalog = buildDemoCatalog();
        fx.cast = castFrom(fx.catalog);
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("gen"));
        db.setDatabaseName(path);
        if (!db.open())
            return 1;
        QSqlQuery(QStringLiteral("DELETE FROM stats_cells"), db);
        QSqlQuery(QStringLiteral("DELETE FROM stats_days"), db);
        db.close();
        std::printf("reusing %s\n", qPrintable(path));
    } else {
        fx.catalog = TestDatabase::create(path, DemoSizes{});
        fx.cast = castFrom(fx.catalog);
        if (!generate(path, count, fx.cast.deptA, QDateTime::currentMSecsSinceEpoch())) {
            std::fprintf(stderr, "could not generate the database\n");
            return 1;
        }
        std::printf("generated %d consultations in %.1f s\n", count, t.elapsed() / 1000.0);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("gen"));

    t.restart();
    if (!fx.server.start(path, 600000)) // the migration builds its indexes on a fresh file
        return 1;
    std::printf("server up in %.1f s\n", t.elapsed() / 1000.0);
    auto lead = fx.responder(fx.cast.leadA);
    if (!lead)
        return 1;
    const QDate today =
        QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone("Asia/Shanghai")).date();
    const QJsonObject year{{QStringLiteral("from"), today.addDays(-364).toString(Qt::ISODate)},
                           {QStringLiteral("to"), today.toString(Qt::ISODate)}};

    // Right after the start, while the background stores the year's days: each request folds
    // at most three missing days and otherwise says when to come back.
    QList<double> preparing;
    QElapsedTimer untilReady;
    untilReady.start();
    for (;;) {
        QElapsedTimer one;
        one.start();
        const Frame reply = lead->call(Method::StatsDashboard, year, 600000);
        preparing << double(one.nsecsElapsed()) / 1e6;
        if (reply.type == Frame::Type::Result)
            break;
        if (reply.errorCode != ErrorCode::RateLimited)
            return 1;
        QTest::qWait(int(reply.payload.value(QLatin1String("retryAfterMs")).toInteger()));
    }
    figure("stats_year_ready_after_start_s", untilReady.elapsed() / 1000.0, "s",
           "information: a year of days stored after a start on 1,000,000 consultations");
    figure("stats_request_while_preparing_max_ms",
           *std::max_element(preparing.cbegin(), preparing.cend()), "ms",
           "information: the longest a request held the server while days were stored");
    QList<double> warm;
    QJsonObject report;
    for (int i = 0; i < 7; ++i)
        warm << timedRequest(*lead, year, &report);
    const qint64 received = report.value(QLatin1String("figures"))
                                .toObject()
                                .value(QLatin1String("received"))
                                .toInteger();
    std::printf("department %lld received %lld consultations in the year\n",
                static_cast<long long>(fx.cast.deptA), static_cast<long long>(received));
    QJsonObject exactYear = year;
    exactYear.insert(QStringLiteral("exact"), true);
    QList<double> naive;
    for (int i = 0; i < 3; ++i)
        naive << timedRequest(*lead, exactYear);
    figure("stats_year_dashboard_p50_ms", percentile(warm, 50), "ms", "<= 300");
    figure("stats_year_naive_refold_p50_ms", percentile(naive, 50), "ms",
           "ceiling: the same year from the raw rows, same run");
    QList<double> todays;
    for (int i = 0; i < 7; ++i)
        todays << timedRequest(*lead, {{QStringLiteral("range"), QStringLiteral("today")}});
    figure("stats_today_dashboard_p50_ms", percentile(todays, 50), "ms", "information");

    // The window with that year on it, repainted at 1920x1080.
    DepartmentStatistics statistics(lead->client());
    StatsDashboard dashboard(statistics, true, QStringLiteral("教育委员会"));
    QSignalSpy ready(&statistics, &DepartmentStatistics::reportReady);
    dashboard.resize(1920, 1080);
    dashboard.show();
    statistics.watch(DepartmentStatistics::Range::Custom, today.addDays(-364), today);
    if (!ready.wait(600000))
        return 1;
    QCoreApplication::processEvents();
    QImage canvas(dashboard.size(), QImage::Format_ARGB32_Premultiplied);
    QList<double> paints;
    for (int i = 0; i < 30; ++i) {
        QElapsedTimer p;
        p.start();
        dashboard.render(&canvas);
        paints << double(p.nsecsElapsed()) / 1e6;
    }
    figure("stats_dashboard_repaint_p50_ms", percentile(paints, 50), "ms", "<= 16 at 1920x1080");
    // New figures (every few seconds at most while open): models rebuilt, charts drawn afresh.
    QList<double> fresh;
    const StatsReport shown = dashboard.model()->report();
    for (int i = 0; i < 10; ++i) {
        QElapsedTimer p;
        p.start();
        dashboard.model()->setReport(shown);
        QCoreApplication::processEvents();
        dashboard.render(&canvas);
        fresh << double(p.nsecsElapsed()) / 1e6;
    }
    figure("stats_dashboard_new_figures_p50_ms", percentile(fresh, 50), "ms",
           "information: once per refresh, at most every 5 s");
    // Where a repaint's time goes, panel by panel (the visible ones are what a repaint draws).
    for (ChartPanel *panel : dashboard.panels()) {
        QImage part(panel->size(), QImage::Format_ARGB32_Premultiplied);
        QList<double> times;
        for (int i = 0; i < 10; ++i) {
            QElapsedTimer p;
            p.start();
            panel->render(&part);
            times << double(p.nsecsElapsed()) / 1e6;
        }
        std::printf("  panel %s: %.2f ms\n", qPrintable(panel->model()->title()),
                    percentile(times, 50));
    }
    figure("stats_dashboard_repaint_max_ms", *std::max_element(paints.cbegin(), paints.cend()),
           "ms", "information");
    fx.server.stop();
    return 0;
}
