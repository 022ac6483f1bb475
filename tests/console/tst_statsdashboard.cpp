// The statistics dashboard as an officer sees it, against the real server: the figures of
// today's consultations arrive and follow new ones while the window is open; the charts draw
// bars in proportion to the numbers and no label is cut off, in Chinese and in English; every
// chart's numbers are a table a click away and a CSV with every row; the dashboard goes to PDF.
#include "ConsoleRoot.h"
#include "IntegrationFixture.h"
#include "app/dashboard/DashboardModel.h"
#include "app/protocol/Methods.h"
#include "ui/stats/ChartPanel.h"
#include "ui/stats/ChartWidget.h"
#include "ui/stats/StatsDashboard.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTableView>
#include <QTranslator>
#include <QtTest>

namespace {

QString consultAndClose(IntegrationFixture &fx, TestClient &rep, TestClient &officer,
                        const QString &subject)
{
    const qint64 id = rep.openConsultation(fx.cast.deptA, subject);
    officer.ok(Method::ConsultationClaim, {{QStringLiteral("consultationId"), id}});
    officer.ok(Method::MessageSend,
               {{QStringLiteral("consultationId"), id},
                {QStringLiteral("clientMsgId"), subject + QStringLiteral("-r")},
                {QStringLiteral("text"), QStringLiteral("已收到，正在办理。")}});
    officer.ok(Method::ConsultationClose,
               {{QStringLiteral("consultationId"), id}, {QStringLiteral("summary"), subject}});
    rep.ok(Method::ConsultationRate,
           {{QStringLiteral("consultationId"), id}, {QStringLiteral("rating"), 4}});
    return subject;
}

// The names the workstation's cache would hold (ids are the catalog's order, from 1).
Directory directoryOf(const DemoCatalog &catalog)
{
    Directory d;
    for (int i = 0; i < catalog.departments.size(); ++i)
        d.departments.insert(i + 1,
                             {catalog.departments.at(i).name, catalog.departments.at(i).nameEn});
    for (int i = 0; i < catalog.responders.size(); ++i) {
        const DemoResponder &r = catalog.responders.at(i);
        d.responders.insert(i + 1,
                            {r.name, r.department + 1,
                             r.lead ? QStringLiteral("lead") : QStringLiteral("responder"), true});
    }
    return d;
}

// A label's box lies inside the widget, and no two labels share pixels.
void checkLabels(const ChartWidget *chart, const QString &what)
{
    const QRect inside = chart->rect();
    const QList<QRect> &boxes = chart->textRects();
    for (int i = 0; i < boxes.size(); ++i) {
        QVERIFY2(inside.contains(boxes.at(i)),
                 qPrintable(QStringLiteral("%1: a label at %2,%3 %4x%5 is cut off")
                                .arg(what)
                                .arg(boxes.at(i).x())
                                .arg(boxes.at(i).y())
                                .arg(boxes.at(i).width())
                                .arg(boxes.at(i).height())));
        for (int j = i + 1; j < boxes.size(); ++j)
            QVERIFY2(!boxes.at(i).intersects(boxes.at(j)),
                     qPrintable(what + QStringLiteral(": two labels overlap")));
    }
}

} // namespace

class TestStatsDashboard : public QObject
{
    Q_OBJECT
private:
    IntegrationFixture fx;
    std::unique_ptr<TestClient> lead;
    std::unique_ptr<TestClient> officer;
    std::unique_ptr<TestClient> rep;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(fx.start());
        lead = fx.responder(fx.cast.leadA);
        officer = fx.responder(fx.cast.responderA1);
        rep = fx.representative(fx.cast.rep1);
        QVERIFY(lead && officer && rep);
        consultAndClose(fx, *rep, *officer, QStringLiteral("stats-1"));
        consultAndClose(fx, *rep, *officer, QStringLiteral("stats-2"));
    }

    void figuresArriveAndFollowNewConsultations()
    {
        DepartmentStatistics statistics(lead->client());
        QSignalSpy ready(&statistics, &DepartmentStatistics::reportReady);
        statistics.watch(DepartmentStatistics::Range::Today);
        QVERIFY(ready.wait(10000));
        const auto first = ready.takeLast().at(0).value<StatsReport>();
        QCOMPARE(first.departmentId, fx.cast.deptA);
        const qint64 received = first.department.received;
        QVERIFY(received >= 2);
        QCOMPARE(first.department.ratings[3], first.department.rated); // both rated 4
        const auto row =
            std::find_if(first.responders.cbegin(), first.responders.cend(),
                         [this](const auto &r) { return r.responderId == fx.cast.responderA1Id; });
        QVERIFY(row != first.responders.cend());
        QCOMPARE(row->cell.closed, qint64(2));

        // A new consultation while the dashboard is open: one coalesced request brings it.
        rep->openConsultation(fx.cast.deptA, QStringLiteral("stats-3"));
        statistics.consultationsChanged();
        statistics.consultationsChanged(); // a burst costs one request
        QVERIFY(ready.wait(DepartmentStatistics::RefreshMs + 5000));
        const auto second = ready.takeLast().at(0).value<StatsReport>();
        QVERIFY(!ready.wait(DepartmentStatistics::RefreshMs + 1000)); // and only one
        QCOMPARE(second.department.received, received + 1);
        QVERIFY(second.waitingNow >= 1);

        // Closed: nothing more is asked.
        statistics.stop();
        statistics.consultationsChanged();
        QVERIFY(!ready.wait(DepartmentStatistics::RefreshMs + 1000));
    }

    void aResponderSeesOnlyTheirOwnRow()
    {
        DepartmentStatistics statistics(officer->client());
        QSignalSpy ready(&statistics, &DepartmentStatistics::reportReady);
        statistics.watch(DepartmentStatistics::Range::Week);
        QVERIFY(ready.wait(10000));
        const auto report = ready.takeLast().at(0).value<StatsReport>();
        QCOMPARE(report.responders.size(), 1);
        QCOMPARE(report.responders.first().responderId, fx.cast.responderA1Id);
    }

    void barsAreInProportion()
    {
        StatsTableModel model(QStringLiteral("bars"));
        model.reset({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")},
                    {{QStringLiteral("n"), StatsTableModel::Unit::Count}}, {{10}, {20}, {40}});
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        BarChart chart;
        chart.setModel(&model);
        chart.resize(600, 300);
        const QImage image = chart.grab().toImage();
        QCOMPARE(chart.marks().size(), 3);
        const double h0 = chart.marks().at(0).rect.height();
        QVERIFY(h0 > 10);
        QVERIFY(qAbs(chart.marks().at(1).rect.height() - 2 * h0) < 1.0);
        QVERIFY(qAbs(chart.marks().at(2).rect.height() - 4 * h0) < 1.0);
        // Drawn, not only measured: the middle of each bar has the series' colour.
        for (const auto &mark : chart.marks()) {
            const QPoint centre = mark.rect.center().toPoint() * image.devicePixelRatio();
            QCOMPARE(image.pixelColor(centre).rgb(), ChartWidget::seriesColour(0).rgb());
        }
        checkLabels(&chart, QStringLiteral("bars"));

        BarChart stacked(true);
        model.reset({QStringLiteral("a"), QStringLiteral("b")},
                    {{QStringLiteral("x"), StatsTableModel::Unit::Count},
                     {QStringLiteral("y"), StatsTableModel::Unit::Count}},
                    {{5, 15}, {10, 30}});
        stacked.setModel(&model);
        stacked.resize(600, 300);
        stacked.grab();
        QCOMPARE(stacked.marks().size(), 4);
        const auto &m = stacked.marks();
        QVERIFY(qAbs(m.at(1).rect.height() - 3 * m.at(0).rect.height()) < 1.0);
        QVERIFY(qAbs(m.at(1).rect.bottom() - m.at(0).rect.top()) < 0.5); // on top of it
        QVERIFY(qAbs((m.at(2).rect.height() + m.at(3).rect.height()) -
                     2 * (m.at(0).rect.height() + m.at(1).rect.height())) < 1.0);
    }

    void theDashboardInBothLanguages_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh") << QStringLiteral("zh_CN");
    }

    void theDashboardInBothLanguages()
    {
        QFETCH(QString, language);
        QLocale::setDefault(QLocale(language));
        QTranslator translator;
        if (language.startsWith(QLatin1String("zh"))) {
            QVERIFY(translator.load(QLocale(language), QStringLiteral("responder-console"),
                                    QStringLiteral("_"), QStringLiteral(":/i18n")));
            QCoreApplication::installTranslator(&translator);
        }
        DepartmentStatistics statistics(lead->client());
        QSignalSpy ready(&statistics, &DepartmentStatistics::reportReady);
        {
            const bool english = language == QLatin1String("en");
            const Directory directory = directoryOf(fx.catalog);
            StatsDashboard dashboard(statistics, true,
                                     directory.departmentName(fx.cast.deptA, english));
            dashboard.setDirectory(directory, english);
            for (StatsTableModel *table : dashboard.model()->tables())
                new QAbstractItemModelTester(
                    table, QAbstractItemModelTester::FailureReportingMode::QtTest, table);
            dashboard.resize(1366, 768);
            dashboard.show();
            QVERIFY(ready.wait(10000));
            QCoreApplication::processEvents();
            const StatsReport &report = dashboard.model()->report();
            QVERIFY(report.department.received >= 2);
            // Every chart drawn with its labels whole, and its numbers one click away.
            for (ChartPanel *panel : dashboard.panels()) {
                if (!panel->chart())
                    continue;
                panel->chart()->grab();
                checkLabels(panel->chart(), language + QLatin1Char(' ') + panel->model()->title());
                panel->showTable(true);
                QVERIFY(panel->table()->isVisibleTo(&dashboard));
                QCOMPARE(panel->table()->model(), panel->model());
                panel->showTable(false);
            }
            // The table panel's numbers equal the report's.
            StatsTableModel *received = dashboard.model()->perDay();
            qint64 sum = 0;
            for (int r = 0; r < received->rowCount(); ++r)
                sum += qint64(received->value(r, 0));
            QCOMPARE(sum, report.department.received);

            const QString out = qEnvironmentVariable("CONSULT_SHOT_OUT");
            if (!out.isEmpty()) {
                dashboard.grab().save(out +
                                      QStringLiteral("/statistics-%1.png").arg(language.left(2)));
                // The whole dashboard, as if scrolled through.
                const auto *scroll = dashboard.findChild<QScrollArea *>();
                scroll->widget()->grab().save(
                    out + QStringLiteral("/statistics-all-%1.png").arg(language.left(2)));
            }

            QTemporaryDir dir;
            const QString pdf = dir.filePath(QStringLiteral("dashboard.pdf"));
            QVERIFY(dashboard.writePdf(pdf));
            QFile file(pdf);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(file.read(5) == "%PDF-");
            QVERIFY(file.size() > 20000); // the charts, not an empty page
        }
        QCoreApplication::removeTranslator(&translator);
        QLocale::setDefault(QLocale::c());
    }

    void csvHasEveryRow()
    {
        StatsTableModel model(QStringLiteral("many"));
        QStringList labels;
        QList<QVariantList> rows;
        for (int i = 0; i < 20000; ++i) {
            labels << QStringLiteral("=r%1").arg(i); // a formula start stays text
            rows << QVariantList{i, 1500.0 * i};
        }
        model.reset(labels,
                    {{QStringLiteral("n"), StatsTableModel::Unit::Count},
                     {QStringLiteral("d"), StatsTableModel::Unit::DurationMs}},
                    rows);
        const QStringList lines =
            model.toCsv(QStringLiteral("row")).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 20001);
        QCOMPARE(lines.at(0), QStringLiteral("row,n,d (seconds)"));
        QCOMPARE(lines.at(20000), QStringLiteral("'=r19999,19999,29998.5"));
    }
};

QTEST_MAIN(TestStatsDashboard)
#include "tst_statsdashboard.moc"
