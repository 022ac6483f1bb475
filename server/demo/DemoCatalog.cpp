#include "DemoCatalog.h"

#include "DemoVocabulary.h"

#include <QSet>
#include <QStringList>

#include <algorithm>

namespace {

constexpr int kFirstYear = 2018;
constexpr int kLastYear = 2026;
constexpr qint64 kDay = 24 * 60 * 60;

// Each part of the catalog draws from its own stream, so that changing one size leaves the
// other parts as they were.
enum class Stream : quint32
{
    Responders = 1,
    Representatives,
    Proposals,
    Consultations
};

DemoRandom stream(quint32 seed, Stream part)
{
    return DemoRandom(seed * 2654435761u + static_cast<quint32>(part) * 40503u);
}

QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// What the generator knows about a representative beyond DemoRepresentative.
struct RepProfile
{
    QString surname;
    int district = 0;   // index into DemoVocabulary::districts, also for 解放军代表团
    QVector<int> focus; // categories they write about most
    int activity = 0;   // relative number of proposals
    int firstYear = kFirstYear;
    int lastYear = kLastYear;
};

class Generator
{
public:
    Generator(const DemoSizes &sizes, quint32 seed)
        : m_sizes(sizes)
        , m_seed(seed)
        , m_v(DemoVocabulary::instance())
    {
        for (int k = 0; k < m_v.organizationKinds.size(); ++k) {
            if (m_v.organizationKinds.at(k).key == QLatin1String("village"))
                m_villageKind = k;
            if (m_v.organizationKinds.at(k).key == QLatin1String("street"))
                m_streetKind = k;
        }
    }

    DemoCatalog run()
    {
        departments();
        responders();
        representatives();
        proposals();
        consultations();
        return std::move(m_catalog);
    }

private:
    void departments()
    {
        for (int i = 0; i < m_v.departmentCodes.size(); ++i) {
            m_catalog.departments.append({m_v.departmentCodes.at(i), m_v.departmentNames.at(i),
                                          m_v.departmentNamesEn.at(i)});
        }
    }

    QString personName(DemoRandom &random, QString *surname = nullptr, QString *pinyin = nullptr)
    {
        const int s = m_v.surnameWeights.pick(random);
        QString name = m_v.surnames.at(s);
        const QVector<int> &pool = random.percent(40) ? m_v.femaleGiven : m_v.maleGiven;
        QString given, givenPinyin;
        const int length = random.percent(78) ? 2 : 1;
        int previous = -1;
        for (int i = 0; i < length; ++i) {
            int c = pool.at(random.below(int(pool.size())));
            if (c == previous)
                c = pool.at(random.below(int(pool.size())));
            given += m_v.givenChars.at(c);
            givenPinyin += m_v.givenPinyin.at(c);
            previous = c;
        }
        if (surname)
            *surname = name;
        if (pinyin)
            *pinyin = m_v.surnamePinyin.at(s) + QLatin1Char(' ') + givenPinyin;
        return name + given;
    }

    void responders()
    {
        DemoRandom random = stream(m_seed, Stream::Responders);
        QSet<QString> names;
        for (int d = 0; d < m_catalog.departments.size(); ++d) {
            const int count = m_v.departmentResponders.at(d);
            for (int n = 1; n <= count; ++n) {
                QString name;
                do {
                    name = personName(random);
                } while (names.contains(name));
                names.insert(name);
                const bool lead = n == 1;
                m_catalog.responders.append(
                    {m_catalog.departments.at(d).code + QLatin1Char('.') + QString::number(n), name,
                     d, lead, random.pick(lead ? m_v.leadTitles : m_v.titles)});
            }
        }
    }

    QString organization(DemoRandom &random, int kind, const DemoVocabulary::District &district)
    {
        const auto &k = m_v.organizationKinds.at(kind);
        QString name = random.pick(k.names);
        if (!name.contains(QLatin1Char('{')))
            return name;
        const QString street = random.pick(district.streets);
        const bool isTown = district.towns.contains(street);
        const QString town = district.towns.isEmpty() ? street : random.pick(district.towns);
        name.replace(QStringLiteral("{D}"), district.name);
        name.replace(QStringLiteral("{street}"), street);
        name.replace(QStringLiteral("{office}"), isTown ? text("人民政府") : text("办事处"));
        name.replace(QStringLiteral("{town}"), town);
        name.replace(QStringLiteral("{neighbourhood}"), random.pick(m_v.neighbourhoods));
        name.replace(QStringLiteral("{village}"), random.pick(m_v.villages));
        name.replace(QStringLiteral("{brand}"), random.pick(m_v.brands));
        name.replace(QStringLiteral("{trade}"), random.pick(m_v.trades));
        name.replace(QStringLiteral("{form}"), random.pick(m_v.forms));
        return name;
    }

    QString mobile(DemoRandom &random)
    {
        QString number;
        do {
            number = random.pick(m_v.mobilePrefixes) +
                     QStringLiteral("%1").arg(random.below(100000000), 8, 10, QLatin1Char('0'));
        } while (m_mobiles.contains(number));
        m_mobiles.insert(number);
        return number;
    }

    QString email(DemoRandom &random, const QString &pinyin)
    {
        const QString surname = pinyin.section(QLatin1Char(' '), 0, 0);
        const QString given = pinyin.section(QLatin1Char(' '), 1);
        QString local;
        switch (random.below(4)) {
        case 0:
            local = surname + given + QString::number(random.between(60, 99));
            break;
        case 1:
            local = given + QLatin1Char('.') + surname;
            break;
        case 2:
            local = surname + QLatin1Char('_') + given;
            break;
        default:
            local = surname.left(1) + given + QString::number(random.between(100, 999));
            break;
        }
        QString address = local + QLatin1Char('@') + random.pick(m_v.emailDomains);
        for (int n = 2; m_emails.contains(address); ++n)
            address = local + QString::number(n) + QLatin1Char('@') + random.pick(m_v.emailDomains);
        m_emails.insert(address);
        return address;
    }

    QString address(DemoRandom &random, const DemoVocabulary::District &district)
    {
        QString result = text("上海市") + district.name + random.pick(district.roads);
        if (random.percent(45)) {
            result += QString::number(random.between(1, 1200)) + text("号");
        } else {
            result += QString::number(random.between(10, 2500)) + text("弄") +
                      QString::number(random.between(1, 60)) + text("号") +
                      QString::number(random.between(1, 24) * 100 + random.between(1, 6)) +
                      text("室");
        }
        return result;
    }

    void representatives()
    {
        DemoRandom random = stream(m_seed, Stream::Representatives);
        static const int activityTiers[] = {0, 1, 2, 4, 8, 16, 32};
        const DemoWeights activityWeights({8, 30, 25, 17, 12, 6, 2});
        const int count = std::max(m_sizes.representatives, 0);
        const int width = std::max(4, int(QString::number(count).size()));
        for (int i = 0; i < count; ++i) {
            DemoRepresentative rep;
            RepProfile profile;
            rep.login = QStringLiteral("rep%1").arg(i + 1, width, 10, QLatin1Char('0'));
            QString pinyin;
            rep.name = personName(random, &profile.surname, &pinyin);
            rep.npc = random.percent(55);
            profile.district = m_v.districtWeights.pick(random);
            const auto &district = m_v.districts.at(profile.district);
            int kind = 0;
            if (rep.npc) {
                rep.delegation = random.percent(2) ? random.pick(m_v.extraDelegations)
                                                   : district.name + text("代表团");
                kind = m_v.npcOrganizationWeights.pick(random);
            } else {
                const auto &sector = m_v.sectors.at(m_v.sectorWeights.pick(random));
                rep.sector = sector.name;
                kind =
                    sector.organizationKinds.at(random.below(int(sector.organizationKinds.size())));
            }
            if (kind == m_villageKind && district.towns.isEmpty())
                kind = m_streetKind;
            rep.organization = organization(random, kind, district);
            rep.mobile = mobile(random);
            rep.officePhone = QStringLiteral("021-%1%2")
                                  .arg(QLatin1Char("2356"[random.below(4)]))
                                  .arg(random.below(10000000), 7, 10, QLatin1Char('0'));
            rep.email = email(random, pinyin);
            rep.address = address(random, district);

            const auto &categories = m_v.organizationKinds.at(kind).categories;
            profile.focus.append(categories.at(random.below(int(categories.size()))));
            profile.focus.append(m_v.categoryWeights.pick(random));
            profile.activity = activityTiers[activityWeights.pick(random)];
            // Terms: 2018-2022 and 2023-2027; some served in one of them only.
            const int term = random.below(20);
            if (term < 6)
                profile.lastYear = 2022;
            else if (term < 13)
                profile.firstYear = 2023;
            m_catalog.representatives.append(rep);
            m_profiles.append(profile);
        }
    }

    static QString joined(const QStringList &names) { return names.join(QChar(0x3001)); } // 、

    QString title(DemoRandom &random, const QString &subject,
                  const DemoVocabulary::Category &category, bool suggestion,
                  const DemoVocabulary::District &district)
    {
        QString result = random.pick(m_v.titleTemplates);
        if (result.contains(QStringLiteral("{S2}"))) {
            QString second = random.pick(category.subjects);
            for (int attempt = 0; second == subject && attempt < 4; ++attempt)
                second = random.pick(category.subjects);
            if (second == subject)
                second = random.pick(
                    m_v.categories.at(random.below(int(m_v.categories.size()))).subjects);
            result.replace(QStringLiteral("{S2}"), second);
        }
        QString place;
        if (random.percent(35)) {
            place = district.name;
            if (random.percent(40))
                place += random.pick(district.streets);
        }
        result.replace(QStringLiteral("{DS}"), place + subject);
        result.replace(QStringLiteral("{S}"), subject);
        result.replace(QStringLiteral("{D}"), district.name);
        result.replace(QStringLiteral("{A}"), random.pick(m_v.titleAdverbs));
        result.replace(QStringLiteral("{K}"), suggestion ? text("建议") : text("提案"));
        return result;
    }

    // Older years are mostly closed (已办结); the latest ones are still being handled.
    static ProposalStatus status(DemoRandom &random, int year)
    {
        const int r = random.below(100);
        if (year <= kLastYear - 3)
            return r < 96 ? ProposalStatus::Concluded : ProposalStatus::Replied;
        if (year == kLastYear - 2)
            return r < 85 ? ProposalStatus::Concluded : ProposalStatus::Replied;
        if (year == kLastYear - 1)
            return r < 55   ? ProposalStatus::Concluded
                   : r < 90 ? ProposalStatus::Replied
                            : ProposalStatus::Handling;
        return r < 35   ? ProposalStatus::Registered
               : r < 85 ? ProposalStatus::Handling
                        : ProposalStatus::Replied;
    }

    QString reply(DemoRandom &random, const QString &subject,
                  const DemoVocabulary::Category &category, const DemoProposal &proposal,
                  const RepProfile &profile)
    {
        QStringList co;
        for (int d : proposal.coDepartments)
            co.append(m_v.departmentNames.at(d));
        QString result = random.pick(random.percent(50) ? m_v.subjectReplies : category.replies);
        const int tails = random.below(3);
        for (int i = 0; i < tails; ++i) {
            const QString tail = random.pick(m_v.replyTails);
            if (!result.contains(tail))
                result += tail;
        }
        result.replace(QStringLiteral("{S}"), subject);
        result.replace(QStringLiteral("{co}"), co.isEmpty() ? text("相关区和部门") : joined(co));
        result.replace(QStringLiteral("{D}"), m_v.districts.at(profile.district).name);
        result.replace(QStringLiteral("{we}"), m_v.departmentSelf.at(proposal.leadDepartment));
        result.replace(QStringLiteral("{rep}"), proposal.suggestion ? text("代表") : text("委员"));
        for (qsizetype at; (at = result.indexOf(QStringLiteral("{n}"))) >= 0;)
            result.replace(at, 3, QString::number(random.between(2, 20)));
        for (qsizetype at; (at = result.indexOf(QStringLiteral("{h}"))) >= 0;)
            result.replace(at, 3, random.pick(m_chineseDigits));
        return result;
    }

    void proposals()
    {
        DemoRandom random = stream(m_seed, Stream::Proposals);
        DemoWeights activity;
        for (const RepProfile &profile : m_profiles)
            activity.add(profile.activity);
        const int count = std::max(m_sizes.proposals, 0);
        if (activity.isEmpty())
            return;
        m_catalog.proposals.reserve(count);
        for (int i = 0; i < count; ++i) {
            DemoProposal p;
            p.representative = activity.pick(random);
            const DemoRepresentative &rep = m_catalog.representatives.at(p.representative);
            const RepProfile &profile = m_profiles.at(p.representative);
            p.year = random.between(profile.firstYear, profile.lastYear);
            p.suggestion = rep.npc;
            const int r = random.below(100);
            const int c = r < 40   ? profile.focus.at(0)
                          : r < 60 ? profile.focus.at(1)
                                   : m_v.categoryWeights.pick(random);
            const auto &category = m_v.categories.at(c);
            p.category = category.name;
            p.categoryEn = category.nameEn;
            const QString subject = random.pick(category.subjects);
            p.title =
                title(random, subject, category, p.suggestion, m_v.districts.at(profile.district));
            p.leadDepartment = category.leads.at(category.leadWeights.pick(random));
            const int coCount = random.below(100) < 45 ? 0 : random.percent(64) ? 1 : 2;
            for (int attempt = 0; p.coDepartments.size() < coCount && attempt < 8; ++attempt) {
                const int d = category.co.at(random.below(int(category.co.size())));
                if (d != p.leadDepartment && !p.coDepartments.contains(d))
                    p.coDepartments.append(d);
            }
            p.status = status(random, p.year);
            if (p.status == ProposalStatus::Concluded || p.status == ProposalStatus::Replied)
                p.replySummary = reply(random, subject, category, p, profile);
            m_catalog.proposals.append(p);
        }
        // Numbers run per year and kind, in filing order.
        std::stable_sort(m_catalog.proposals.begin(), m_catalog.proposals.end(),
                         [](const DemoProposal &a, const DemoProposal &b) {
                             return a.year != b.year ? a.year < b.year
                                                     : a.suggestion > b.suggestion;
                         });
        int serial = 0;
        for (int i = 0; i < m_catalog.proposals.size(); ++i) {
            DemoProposal &p = m_catalog.proposals[i];
            if (i == 0 || p.year != m_catalog.proposals.at(i - 1).year ||
                p.suggestion != m_catalog.proposals.at(i - 1).suggestion) {
                serial = 0;
            }
            p.number = QStringLiteral("%1-%2").arg(p.year).arg(++serial, 4, 10, QLatin1Char('0'));
        }
    }

    void consultations()
    {
        DemoRandom random = stream(m_seed, Stream::Consultations);
        const int count = std::max(m_sizes.consultations, 0);
        if (m_catalog.representatives.isEmpty())
            return;
        QVector<QVector<int>> respondersOf(m_catalog.departments.size());
        for (int i = 0; i < m_catalog.responders.size(); ++i)
            respondersOf[m_catalog.responders.at(i).department].append(i);

        for (int i = 0; i < count; ++i) {
            DemoConsultation c;
            c.department = m_v.departmentConsultWeights.pick(random);
            const auto &staff = respondersOf.at(c.department);
            // Leads take fewer consultations than their staff.
            c.responder = staff.at(staff.size() > 1 && random.percent(75)
                                       ? random.between(1, int(staff.size()) - 1)
                                       : 0);
            c.representative = random.below(int(m_catalog.representatives.size()));
            const DemoRepresentative &rep = m_catalog.representatives.at(c.representative);
            const RepProfile &profile = m_profiles.at(c.representative);
            const auto &scenarios = m_v.scenarios.at(c.department);
            const auto &scenario = scenarios.at(random.below(int(scenarios.size())));

            const QString call = profile.surname + (rep.npc ? text("代表") : text("委员"));
            auto fill = [&](QString s) {
                s.replace(QStringLiteral("{D}"), m_v.districts.at(profile.district).name);
                s.replace(QStringLiteral("{call}"), call);
                s.replace(QStringLiteral("{rep}"), rep.npc ? text("代表") : text("委员"));
                s.replace(QStringLiteral("{K}"), rep.npc ? text("建议") : text("提案"));
                return s;
            };

            c.subject = fill(scenario.subject);
            // The department's demo voice clips, if the caller has them.
            QVector<const DemoVocabulary::VoiceExchange *> clips;
            for (const auto &exchange : m_v.voiceExchanges.at(c.department)) {
                if (exchange.clip < m_sizes.voiceClips)
                    clips.append(&exchange);
            }
            const DemoVocabulary::VoiceExchange *voice =
                !clips.isEmpty() && random.percent(75) ? clips.at(random.below(int(clips.size())))
                                                       : nullptr;

            // Messages alternate, the representative first: question and answer, the follow-up,
            // the voice exchange, small talk; then thanks, and a goodbye when the count is even.
            int total = random.between(3, 10);
            if (voice && total < 5)
                total += 2;
            const int closing = total % 2 == 1 ? 1 : 2;
            const int pairs = (total - closing) / 2; // 1..4
            QVector<DemoMessage> messages;
            auto say = [&](bool fromRepresentative, const QString &text) {
                messages.append({fromRepresentative, fill(text)});
            };
            say(true, scenario.detail.isEmpty()
                          ? scenario.subject
                          : scenario.subject + QLatin1Char('\n') + scenario.detail);
            say(false, random.pick(m_v.answerOpenings) + scenario.answer);
            QString summary = fill(scenario.summary);
            QStringList extra;
            if (pairs >= (voice ? 3 : 2)) {
                say(true, scenario.followUp);
                say(false, scenario.followAnswer);
            } else if (summary.contains(QChar(0xff0c))) {
                // The second clause of a scenario's summary is about the follow-up.
                summary = summary.section(QChar(0xff0c), 0, 0) + QChar(0x3002); // ，。
            }
            if (voice) {
                if (voice->fromRepresentative) {
                    messages.append({true, QString(), voice->clip});
                    say(false, voice->counterpart);
                } else {
                    say(true, voice->counterpart);
                    messages.append({false, QString(), voice->clip});
                }
                extra << fill(voice->summary);
            }
            QVector<int> talk(m_v.smallTalk.size());
            for (int t = 0; t < talk.size(); ++t)
                talk[t] = t;
            for (int t = int(talk.size()) - 1; t > 0; --t)
                std::swap(talk[t], talk[random.below(t + 1)]);
            for (int t = 0; messages.size() < 2 * pairs; ++t) {
                const auto &exchange = m_v.smallTalk.at(talk.at(t));
                say(true, exchange.question);
                say(false, exchange.answer);
                extra << fill(exchange.summary);
            }
            say(true, random.pick(m_v.repThanks));
            if (closing == 2)
                say(false, random.pick(m_v.responderGoodbyes));
            c.messages = messages;

            QStringList summaryParts{summary};
            summaryParts << extra;
            summaryParts << fill(random.pick(m_v.summaryTails));
            summaryParts.removeAll(QString());
            c.closeSummary = summaryParts.join(QString());
            const int r = random.below(100);
            c.rating = r < 56 ? 5 : r < 83 ? 4 : r < 92 ? 3 : r < 93 ? 2 : 0;
            c.startOffsetSecs = random.between(2 * 60 * 60, int(2 * 365 * kDay));
            m_catalog.consultations.append(c);
        }
        std::stable_sort(m_catalog.consultations.begin(), m_catalog.consultations.end(),
                         [](const DemoConsultation &a, const DemoConsultation &b) {
                             return a.startOffsetSecs > b.startOffsetSecs;
                         });
    }

    const DemoSizes m_sizes;
    const quint32 m_seed;
    const DemoVocabulary &m_v;
    DemoCatalog m_catalog;
    QVector<RepProfile> m_profiles;
    QSet<QString> m_mobiles;
    QSet<QString> m_emails;
    int m_villageKind = -1;
    int m_streetKind = 0;
    const QStringList m_chineseDigits = text("两|三|四|五|六|七|八|九").split(QLatin1Char('|'));
};

} // namespace

DemoCatalog buildDemoCatalog(const DemoSizes &sizes, quint32 seed)
{
    return Generator(sizes, seed).run();
}

QString demoResponderPassword()
{
    return QStringLiteral("demo2026");
}

QString demoRepresentativePassword()
{
    return QStringLiteral("rep2026");
}
