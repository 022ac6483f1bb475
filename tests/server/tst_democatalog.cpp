#include "server/demo/DemoCatalog.h"

#include <QElapsedTimer>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <limits>

class TestDemoCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void counts();
    void departments();
    void responders();
    void representatives();
    void proposals();
    void titlesAreVaried();
    void replySummaries();
    void consultations();
    void determinism();
    void smallerSizes();

private:
    DemoCatalog m_catalog;
};

void TestDemoCatalog::initTestCase()
{
    QElapsedTimer timer;
    timer.start();
    m_catalog = buildDemoCatalog();
    qInfo("buildDemoCatalog() with default sizes took %lld ms", timer.elapsed());
}

void TestDemoCatalog::counts()
{
    QCOMPARE(m_catalog.departments.size(), 42);
    QVERIFY(m_catalog.representatives.size() >= 2000);
    QVERIFY(m_catalog.proposals.size() >= 20000);
    QCOMPARE(m_catalog.consultations.size(), 300);
    QVERIFY(m_catalog.responders.size() >= 42 * 3);
    QVERIFY(m_catalog.responders.size() <= 42 * 5);
}

void TestDemoCatalog::departments()
{
    QSet<QString> codes, names;
    const QRegularExpression slug(QStringLiteral("^[a-z]+$"));
    for (const DemoDepartment &d : std::as_const(m_catalog.departments)) {
        QVERIFY2(slug.match(d.code).hasMatch(), qPrintable(d.code));
        QVERIFY(d.name.startsWith(QStringLiteral("市")));
        QVERIFY(!d.nameEn.isEmpty());
        codes.insert(d.code);
        names.insert(d.name);
    }
    QCOMPARE(codes.size(), 42);
    QCOMPARE(names.size(), 42);
}

void TestDemoCatalog::responders()
{
    const int departments = int(m_catalog.departments.size());
    QVector<int> leads(departments), staff(departments);
    QSet<QString> logins;
    for (const DemoResponder &r : std::as_const(m_catalog.responders)) {
        QVERIFY(r.department >= 0 && r.department < departments);
        QVERIFY2(r.login.startsWith(m_catalog.departments.at(r.department).code + QLatin1Char('.')),
                 qPrintable(r.login));
        QVERIFY(!r.name.isEmpty());
        QVERIFY(!r.title.isEmpty());
        QCOMPARE(r.lead, r.login.endsWith(QStringLiteral(".1")));
        logins.insert(r.login);
        ++staff[r.department];
        if (r.lead)
            ++leads[r.department];
    }
    QCOMPARE(logins.size(), m_catalog.responders.size());
    for (int d = 0; d < departments; ++d) {
        QCOMPARE(leads.at(d), 1);
        QVERIFY(staff.at(d) >= 3 && staff.at(d) <= 5);
    }

    // The documented demo accounts: lead and plain responder of 市教委.
    auto find = [this](const QString &login) {
        return std::find_if(m_catalog.responders.cbegin(), m_catalog.responders.cend(),
                            [&](const DemoResponder &r) { return r.login == login; });
    };
    const auto lead = find(QStringLiteral("jw.1"));
    const auto plain = find(QStringLiteral("jw.2"));
    QVERIFY(lead != m_catalog.responders.cend());
    QVERIFY(plain != m_catalog.responders.cend());
    QCOMPARE(m_catalog.departments.at(lead->department).name, QStringLiteral("市教委"));
    QCOMPARE(plain->department, lead->department);
    QVERIFY(lead->lead);
    QVERIFY(!plain->lead);
    QCOMPARE(demoResponderPassword(), QStringLiteral("demo2026"));
    QCOMPARE(demoRepresentativePassword(), QStringLiteral("rep2026"));
}

void TestDemoCatalog::representatives()
{
    QSet<QString> logins, mobiles;
    int npc = 0;
    const QRegularExpression mobile(QStringLiteral("^1[358][0-9]{9}$"));
    const QRegularExpression office(QStringLiteral("^021-[0-9]{8}$"));
    const QRegularExpression email(QStringLiteral("^[a-z0-9._]+@[a-z0-9.]+\\.[a-z]+$"));
    for (const DemoRepresentative &r : std::as_const(m_catalog.representatives)) {
        QVERIFY2(mobile.match(r.mobile).hasMatch(), qPrintable(r.mobile));
        QVERIFY2(office.match(r.officePhone).hasMatch(), qPrintable(r.officePhone));
        QVERIFY2(email.match(r.email).hasMatch(), qPrintable(r.email));
        QVERIFY(r.address.startsWith(QStringLiteral("上海市")));
        QVERIFY(!r.name.isEmpty());
        QVERIFY(!r.organization.isEmpty());
        QVERIFY2(!r.organization.contains(QLatin1Char('{')), qPrintable(r.organization));
        if (r.npc) {
            ++npc;
            QVERIFY(r.delegation.endsWith(QStringLiteral("代表团")));
            QVERIFY(r.sector.isEmpty());
        } else {
            QVERIFY(r.delegation.isEmpty());
            QVERIFY(!r.sector.isEmpty());
        }
        logins.insert(r.login);
        mobiles.insert(r.mobile);
    }
    QCOMPARE(logins.size(), m_catalog.representatives.size());
    QCOMPARE(mobiles.size(), m_catalog.representatives.size());
    QCOMPARE(m_catalog.representatives.constFirst().login, QStringLiteral("rep0001"));
    QCOMPARE(m_catalog.representatives.constLast().login, QStringLiteral("rep2000"));
    const double npcShare = double(npc) / double(m_catalog.representatives.size());
    QVERIFY2(npcShare > 0.5 && npcShare < 0.6, qPrintable(QString::number(npcShare)));
}

void TestDemoCatalog::proposals()
{
    const int departments = int(m_catalog.departments.size());
    const int reps = int(m_catalog.representatives.size());
    QSet<QString> numbers;
    QVector<int> perRep(reps);
    const QRegularExpression number(QStringLiteral("^(20[0-9]{2})-[0-9]{4}$"));
    for (const DemoProposal &p : std::as_const(m_catalog.proposals)) {
        QVERIFY(p.representative >= 0 && p.representative < reps);
        QVERIFY(p.leadDepartment >= 0 && p.leadDepartment < departments);
        for (int d : p.coDepartments) {
            QVERIFY(d >= 0 && d < departments);
            QVERIFY(d != p.leadDepartment);
        }
        QVERIFY(p.coDepartments.size() <= 2);
        QVERIFY(p.year >= 2018 && p.year <= 2026);
        const auto match = number.match(p.number);
        QVERIFY2(match.hasMatch(), qPrintable(p.number));
        QCOMPARE(match.captured(1).toInt(), p.year);
        QCOMPARE(p.suggestion, m_catalog.representatives.at(p.representative).npc);
        QVERIFY(p.title.startsWith(QStringLiteral("关于")));
        QVERIFY(p.title.endsWith(p.suggestion ? QStringLiteral("建议") : QStringLiteral("提案")));
        QVERIFY2(!p.title.contains(QLatin1Char('{')), qPrintable(p.title));
        QVERIFY(!p.category.isEmpty());
        const QString key = p.number + (p.suggestion ? QStringLiteral("/s") : QStringLiteral("/p"));
        QVERIFY2(!numbers.contains(key), qPrintable(key));
        numbers.insert(key);
        ++perRep[p.representative];
    }
    // Skewed: some representatives wrote nothing, a few wrote many.
    QVERIFY(std::count(perRep.cbegin(), perRep.cend(), 0) > 0);
    QVERIFY(*std::max_element(perRep.cbegin(), perRep.cend()) >= 40);

    // Lead departments follow the category.
    QHash<QString, QString> expected{{QStringLiteral("教育"), QStringLiteral("市教委")},
                                     {QStringLiteral("医疗保障"), QStringLiteral("市医保局")},
                                     {QStringLiteral("文化旅游"), QStringLiteral("市文化旅游局")}};
    for (const DemoProposal &p : std::as_const(m_catalog.proposals)) {
        if (expected.contains(p.category))
            QCOMPARE(m_catalog.departments.at(p.leadDepartment).name, expected.value(p.category));
    }
}

void TestDemoCatalog::titlesAreVaried()
{
    QSet<QString> titles;
    for (const DemoProposal &p : std::as_const(m_catalog.proposals))
        titles.insert(p.title);
    const double distinct = double(titles.size()) / double(m_catalog.proposals.size());
    QVERIFY2(distinct >= 0.8, qPrintable(QString::number(distinct)));
}

void TestDemoCatalog::replySummaries()
{
    QHash<int, int> closedByYear, totalByYear;
    for (const DemoProposal &p : std::as_const(m_catalog.proposals)) {
        // Every category has its English name, for consoles in English.
        QVERIFY2(!p.categoryEn.isEmpty(), qPrintable(p.category));
        const bool answered =
            p.status == ProposalStatus::Replied || p.status == ProposalStatus::Concluded;
        QCOMPARE(!p.replySummary.isEmpty(), answered);
        QVERIFY2(!p.replySummary.contains(QLatin1Char('{')), qPrintable(p.replySummary));
        ++totalByYear[p.year];
        if (p.status == ProposalStatus::Concluded)
            ++closedByYear[p.year];
    }
    QVERIFY(closedByYear.value(2019) * 10 > totalByYear.value(2019) * 9);
    QVERIFY(closedByYear.value(2026) == 0);
}

void TestDemoCatalog::consultations()
{
    const int departments = int(m_catalog.departments.size());
    int withVoice = 0, rated = 0;
    qint64 oldest = 0, newest = std::numeric_limits<qint64>::max();
    for (const DemoConsultation &c : std::as_const(m_catalog.consultations)) {
        QVERIFY(c.department >= 0 && c.department < departments);
        QVERIFY(c.responder >= 0 && c.responder < m_catalog.responders.size());
        QCOMPARE(m_catalog.responders.at(c.responder).department, c.department);
        QVERIFY(c.representative >= 0 && c.representative < m_catalog.representatives.size());
        QVERIFY(c.messages.size() >= 3 && c.messages.size() <= 10);
        QVERIFY(!c.subject.isEmpty());
        QVERIFY(!c.subject.contains(QLatin1Char('\n')));
        QCOMPARE(c.messages.constFirst().text.section(QLatin1Char('\n'), 0, 0), c.subject);
        QVERIFY(!c.closeSummary.isEmpty());
        QVERIFY(c.rating >= 0 && c.rating <= 5);
        QVERIFY(c.startOffsetSecs > 0 && c.startOffsetSecs <= 2 * 366 * 24 * 3600);
        bool voice = false;
        for (int m = 0; m < c.messages.size(); ++m) {
            const DemoMessage &message = c.messages.at(m);
            QCOMPARE(message.fromRepresentative, m % 2 == 0);
            if (message.voiceClip >= 0) {
                QVERIFY(message.voiceClip < DemoSizes().voiceClips);
                QVERIFY(message.text.isEmpty());
                QVERIFY(m > 0); // the opening question is always text
                voice = true;
            } else {
                QVERIFY(!message.text.isEmpty());
                QVERIFY2(!message.text.contains(QLatin1Char('{')), qPrintable(message.text));
            }
        }
        withVoice += voice ? 1 : 0;
        rated += c.rating > 0 ? 1 : 0;
        oldest = std::max(oldest, c.startOffsetSecs);
        newest = std::min(newest, c.startOffsetSecs);
    }
    QVERIFY2(withVoice >= 30 && withVoice <= 90, qPrintable(QString::number(withVoice)));
    QVERIFY(rated >= 250 && rated < 300);
    QVERIFY(oldest > 365 * 24 * 3600);
    QVERIFY(newest < 60 * 24 * 3600);
    QCOMPARE(m_catalog.consultations.constFirst().startOffsetSecs, oldest);
}

static bool sameCatalog(const DemoCatalog &a, const DemoCatalog &b)
{
    if (a.responders.size() != b.responders.size() ||
        a.representatives.size() != b.representatives.size() ||
        a.proposals.size() != b.proposals.size() ||
        a.consultations.size() != b.consultations.size()) {
        return false;
    }
    for (int i = 0; i < a.responders.size(); ++i) {
        if (a.responders.at(i).name != b.responders.at(i).name)
            return false;
    }
    for (int i = 0; i < a.representatives.size(); ++i) {
        const DemoRepresentative &x = a.representatives.at(i), &y = b.representatives.at(i);
        if (x.name != y.name || x.mobile != y.mobile || x.email != y.email ||
            x.organization != y.organization || x.npc != y.npc) {
            return false;
        }
    }
    for (int i = 0; i < a.proposals.size(); ++i) {
        const DemoProposal &x = a.proposals.at(i), &y = b.proposals.at(i);
        if (x.title != y.title || x.number != y.number || x.representative != y.representative ||
            x.leadDepartment != y.leadDepartment || x.coDepartments != y.coDepartments ||
            x.replySummary != y.replySummary) {
            return false;
        }
    }
    for (int i = 0; i < a.consultations.size(); ++i) {
        const DemoConsultation &x = a.consultations.at(i), &y = b.consultations.at(i);
        if (x.subject != y.subject || x.responder != y.responder || x.rating != y.rating ||
            x.startOffsetSecs != y.startOffsetSecs || x.messages.size() != y.messages.size()) {
            return false;
        }
        for (int m = 0; m < x.messages.size(); ++m) {
            if (x.messages.at(m).text != y.messages.at(m).text ||
                x.messages.at(m).voiceClip != y.messages.at(m).voiceClip) {
                return false;
            }
        }
    }
    return true;
}

void TestDemoCatalog::determinism()
{
    QVERIFY(sameCatalog(m_catalog, buildDemoCatalog()));
    const DemoCatalog other = buildDemoCatalog({}, 7);
    QVERIFY(!sameCatalog(m_catalog, other));
    // Logins do not depend on the seed, so the documented accounts always exist.
    for (int i = 0; i < m_catalog.responders.size(); ++i)
        QCOMPARE(other.responders.at(i).login, m_catalog.responders.at(i).login);
    QVERIFY(m_catalog.representatives.at(0).mobile != other.representatives.at(0).mobile);
}

void TestDemoCatalog::smallerSizes()
{
    DemoSizes sizes;
    sizes.representatives = 20;
    sizes.proposals = 100;
    sizes.consultations = 10;
    sizes.voiceClips = 0;
    const DemoCatalog small = buildDemoCatalog(sizes);
    QCOMPARE(small.departments.size(), 42);
    QCOMPARE(small.representatives.size(), 20);
    QCOMPARE(small.proposals.size(), 100);
    QCOMPARE(small.consultations.size(), 10);
    for (const DemoConsultation &c : small.consultations) {
        for (const DemoMessage &m : c.messages)
            QCOMPARE(m.voiceClip, -1);
    }
    // Each part has its own random stream: the representatives do not depend on other sizes.
    for (int i = 0; i < small.representatives.size(); ++i)
        QCOMPARE(small.representatives.at(i).mobile, m_catalog.representatives.at(i).mobile);

    const DemoCatalog empty = buildDemoCatalog({0, 0, 0, 0});
    QCOMPARE(empty.departments.size(), 42);
    QVERIFY(empty.representatives.isEmpty());
    QVERIFY(empty.proposals.isEmpty());
    QVERIFY(empty.consultations.isEmpty());
}

QTEST_APPLESS_MAIN(TestDemoCatalog)
#include "tst_democatalog.moc"
