#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <random>

// The generator's view of DemoText: the '|' lists parsed into QStrings, names resolved to indices,
// and a random source whose results are the same with every standard library.

class DemoRandom
{
public:
    explicit DemoRandom(quint32 seed)
        : m_engine(seed)
    {}

    quint32 next() { return static_cast<quint32>(m_engine()); }
    // Uniform in [0, n); n > 0.
    int below(int n) { return static_cast<int>((quint64(next()) * quint64(n)) >> 32); }
    // Uniform in [low, high].
    int between(int low, int high) { return low + below(high - low + 1); }
    // True with probability percent / 100.
    bool percent(int percent) { return below(100) < percent; }
    const QString &pick(const QStringList &list) { return list.at(below(int(list.size()))); }

private:
    std::mt19937 m_engine;
};

// Picks an index with probability proportional to its integer weight.
class DemoWeights
{
public:
    DemoWeights() = default;
    explicit DemoWeights(const QVector<int> &weights);
    void add(int weight);
    int pick(DemoRandom &random) const;
    bool isEmpty() const { return m_total <= 0; }

private:
    QVector<qint64> m_cumulative;
    qint64 m_total = 0;
};

struct DemoVocabulary
{
    struct District
    {
        QString name;
        bool suburban;
        QStringList streets; // with their 街道 / 镇 / 乡 suffix
        QStringList towns;   // the streets that are 镇 or 乡
        QStringList roads;
    };
    struct OrganizationKind
    {
        QString key;
        QStringList names;
        QVector<int> categories;
    };
    struct Sector
    {
        QString name;
        QVector<int> organizationKinds;
    };
    struct Category
    {
        QString name;
        QString nameEn;
        QVector<int> leads;
        DemoWeights leadWeights;
        QVector<int> co;
        QStringList subjects;
        QStringList replies;
    };
    struct Scenario
    {
        QString subject, detail, answer, followUp, followAnswer, summary;
    };
    struct VoiceExchange
    {
        int clip;
        bool fromRepresentative;
        QString counterpart, summary;
    };
    struct SmallTalk
    {
        QString question, answer, summary;
    };

    QStringList departmentCodes, departmentNames, departmentNamesEn, departmentSelf; // 我委 ...
    QVector<int> departmentResponders;
    DemoWeights departmentConsultWeights;
    QHash<QString, int> departmentIndex;

    QVector<District> districts;
    DemoWeights districtWeights;
    QStringList extraDelegations;

    QStringList surnames, surnamePinyin;
    DemoWeights surnameWeights;
    QStringList givenChars, givenPinyin;
    QVector<int> maleGiven, femaleGiven; // indices into givenChars
    QStringList leadTitles, titles;

    QVector<OrganizationKind> organizationKinds;
    DemoWeights npcOrganizationWeights;
    QStringList brands, trades, forms, neighbourhoods, villages;
    QVector<Sector> sectors;
    DemoWeights sectorWeights;
    QStringList mobilePrefixes, emailDomains;

    QVector<Category> categories;
    DemoWeights categoryWeights;
    QStringList titleTemplates, titleAdverbs, subjectReplies, replyTails;

    QVector<QVector<Scenario>> scenarios;           // per department
    QVector<QVector<VoiceExchange>> voiceExchanges; // per department
    QVector<SmallTalk> smallTalk;
    QStringList answerOpenings, repThanks, responderGoodbyes, summaryTails;

    // Parsed once, on first use; thread-safe.
    static const DemoVocabulary &instance();
};
