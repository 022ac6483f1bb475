#include "DemoVocabulary.h"

#include "DemoText.h"

#include <algorithm>

namespace {

QString text(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QStringList items(const char *utf8)
{
    return QString::fromUtf8(utf8).split(QLatin1Char('|'));
}

// "a:3 b:1" -> ("a", 3), ("b", 1); a bare "a" weighs 1.
QVector<QPair<QString, int>> weightedKeys(const char *utf8)
{
    QVector<QPair<QString, int>> result;
    const QStringList parts = text(utf8).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const int colon = int(part.indexOf(QLatin1Char(':')));
        if (colon < 0)
            result.append({part, 1});
        else
            result.append({part.left(colon), part.mid(colon + 1).toInt()});
    }
    return result;
}

QString selfReference(const QString &departmentName)
{
    static const char *const suffixes[] = {"总队", "中心", "委", "局", "办"};
    for (const char *suffix : suffixes) {
        const QString s = text(suffix);
        if (departmentName.endsWith(s))
            return text("我") + s;
    }
    return text("我单位");
}

DemoVocabulary make()
{
    DemoVocabulary v;

    for (const DemoText::Department &d : DemoText::departments()) {
        v.departmentIndex.insert(text(d.code), int(v.departmentCodes.size()));
        v.departmentCodes.append(text(d.code));
        v.departmentNames.append(text(d.name));
        v.departmentNamesEn.append(text(d.nameEn));
        v.departmentSelf.append(selfReference(v.departmentNames.constLast()));
        v.departmentResponders.append(d.responders);
        v.departmentConsultWeights.add(d.consultWeight);
    }
    auto department = [&v](const QString &code) {
        const int index = v.departmentIndex.value(code, -1);
        Q_ASSERT_X(index >= 0, "DemoVocabulary", "unknown department code");
        return index;
    };

    const QString town = text("镇"), township = text("乡"), subdistrict = text("街道");
    for (const DemoText::District &d : DemoText::districts()) {
        DemoVocabulary::District district{text(d.name), d.suburban, {}, {}, items(d.roads)};
        for (const QString &street : items(d.streets)) {
            if (street.endsWith(town) || street.endsWith(township)) {
                district.streets.append(street);
                district.towns.append(street);
            } else {
                district.streets.append(street + subdistrict);
            }
        }
        v.districts.append(district);
        v.districtWeights.add(d.weight);
    }
    v.extraDelegations = items(DemoText::extraDelegations());

    for (const DemoText::Surname &s : DemoText::surnames()) {
        v.surnames.append(text(s.hanzi));
        v.surnamePinyin.append(text(s.pinyin));
        v.surnameWeights.add(s.weight);
    }
    for (const QString &item : items(DemoText::givenNameChars())) {
        const QStringList parts = item.split(QLatin1Char(':'));
        const QString gender = parts.value(2);
        if (gender != QLatin1String("f"))
            v.maleGiven.append(int(v.givenChars.size()));
        if (gender != QLatin1String("m"))
            v.femaleGiven.append(int(v.givenChars.size()));
        v.givenChars.append(parts.value(0));
        v.givenPinyin.append(parts.value(1));
    }
    v.leadTitles = items(DemoText::responderLeadTitles());
    v.titles = items(DemoText::responderTitles());

    QHash<QString, int> categoryIndex;
    for (const DemoText::Category &c : DemoText::categories()) {
        categoryIndex.insert(text(c.name), int(v.categories.size()));
        DemoVocabulary::Category category;
        category.name = text(c.name);
        category.nameEn = QString::fromLatin1(c.nameEn);
        for (const auto &[code, weight] : weightedKeys(c.leads)) {
            category.leads.append(department(code));
            category.leadWeights.add(weight);
        }
        for (const auto &entry : weightedKeys(c.co))
            category.co.append(department(entry.first));
        category.subjects = items(c.subjects);
        category.replies = items(c.replies);
        v.categories.append(category);
        v.categoryWeights.add(c.weight);
    }
    v.titleTemplates = items(DemoText::titleTemplates());
    v.titleAdverbs = items(DemoText::titleAdverbs());
    v.subjectReplies = items(DemoText::subjectReplies());
    v.replyTails = items(DemoText::replyTails());

    QHash<QString, int> kindIndex;
    for (const DemoText::OrganizationKind &k : DemoText::organizationKinds()) {
        DemoVocabulary::OrganizationKind kind{text(k.key), items(k.names), {}};
        for (const QString &name : items(k.categories)) {
            Q_ASSERT_X(categoryIndex.contains(name), "DemoVocabulary", "unknown category");
            if (categoryIndex.contains(name))
                kind.categories.append(categoryIndex.value(name));
        }
        kindIndex.insert(kind.key, int(v.organizationKinds.size()));
        v.organizationKinds.append(kind);
    }
    QVector<int> npcWeights(v.organizationKinds.size(), 0);
    for (const auto &[key, weight] : weightedKeys(DemoText::npcOrganizationKinds())) {
        Q_ASSERT_X(kindIndex.contains(key), "DemoVocabulary", "unknown organization kind");
        if (kindIndex.contains(key))
            npcWeights[kindIndex.value(key)] = weight;
    }
    v.npcOrganizationWeights = DemoWeights(npcWeights);
    v.brands = items(DemoText::companyBrands());
    v.trades = items(DemoText::companyTrades());
    v.forms = items(DemoText::companyForms());
    v.neighbourhoods = items(DemoText::neighbourhoods());
    v.villages = items(DemoText::villages());
    for (const DemoText::Sector &s : DemoText::sectors()) {
        DemoVocabulary::Sector sector{text(s.name), {}};
        for (const auto &entry : weightedKeys(s.organizationKinds)) {
            Q_ASSERT_X(kindIndex.contains(entry.first), "DemoVocabulary", "unknown kind");
            if (kindIndex.contains(entry.first))
                sector.organizationKinds.append(kindIndex.value(entry.first));
        }
        v.sectors.append(sector);
        v.sectorWeights.add(s.weight);
    }
    v.mobilePrefixes = items(DemoText::mobilePrefixes());
    v.emailDomains = items(DemoText::emailDomains());

    v.scenarios.resize(v.departmentCodes.size());
    for (const DemoText::Scenario &s : DemoText::scenarios()) {
        v.scenarios[department(text(s.department))].append({text(s.subject), text(s.detail),
                                                            text(s.answer), text(s.followUp),
                                                            text(s.followAnswer), text(s.summary)});
    }
    v.voiceExchanges.resize(v.departmentCodes.size());
    int clip = 0;
    for (const DemoText::VoiceExchange &x : DemoText::voiceExchanges()) {
        v.voiceExchanges[department(text(x.department))].append(
            {clip++, x.fromRepresentative, text(x.counterpart), text(x.summary)});
    }
    for (const QString &item : items(DemoText::smallTalk())) {
        const QStringList parts = item.split(QLatin1Char('#'));
        v.smallTalk.append({parts.value(0), parts.value(1), parts.value(2)});
    }
    v.answerOpenings = items(DemoText::answerOpenings());
    v.repThanks = items(DemoText::repThanks());
    v.responderGoodbyes = items(DemoText::responderGoodbyes());
    v.summaryTails = items(DemoText::summaryTails());
    return v;
}

} // namespace

DemoWeights::DemoWeights(const QVector<int> &weights)
{
    for (int weight : weights)
        add(weight);
}

void DemoWeights::add(int weight)
{
    m_total += std::max(weight, 0);
    m_cumulative.append(m_total);
}

int DemoWeights::pick(DemoRandom &random) const
{
    Q_ASSERT(m_total > 0);
    // m_total stays far below 2^31 for every table here.
    const qint64 r = random.below(int(m_total));
    return int(std::upper_bound(m_cumulative.cbegin(), m_cumulative.cend(), r) -
               m_cumulative.cbegin());
}

const DemoVocabulary &DemoVocabulary::instance()
{
    static const DemoVocabulary vocabulary = make();
    return vocabulary;
}
