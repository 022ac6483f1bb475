#pragma once

// The word lists and templates behind buildDemoCatalog(), kept apart from the generator.
// Everything is plain UTF-8 text; a field holding a list separates its items with '|'.
// Placeholders in templates: {S} subject, {S2} second subject, {DS} subject with an optional
// district in front, {A} an optional adverb, {D} district, {K} 建议/提案,
// {co} co-handling departments, {we} 我委/我局..., {n} a small number, {h} 两..九 before 百/千/万,
// {call} 王代表 / 李委员, {rep} 代表 / 委员.
//   DemoText.cpp      departments, people, places, organizations, 界别
//   DemoTopics.cpp    proposal categories, title templates, reply summaries
//   DemoDialogues.cpp consultation scenarios per department, small talk
namespace DemoText {

template<typename T> struct Table
{
    const T *data;
    int size;
    const T *begin() const { return data; }
    const T *end() const { return data + size; }
    const T &operator[](int i) const { return data[i]; }
};

struct Department
{
    const char *code;
    const char *name;
    const char *nameEn;
    int responders;    // 3..5
    int consultWeight; // how often reps consult it
};
Table<Department> departments();

struct District
{
    const char *name;    // "浦东新区"
    int weight;          // roughly the population share
    bool suburban;       // has villages (村)
    const char *streets; // 街道 / 镇; an item without 镇 or 乡 gets "街道" appended
    const char *roads;
};
Table<District> districts();
// NPC delegations that are not a district (解放军代表团).
const char *extraDelegations();
// Organization kinds of NPC deputies, "key:weight" space separated.
const char *npcOrganizationKinds();

struct Surname
{
    const char *hanzi;
    const char *pinyin;
    int weight;
};
Table<Surname> surnames();
// Characters used in given names, as "汉字:pinyin:g" with g = m, f or n (either).
const char *givenNameChars();

const char *responderLeadTitles();
const char *responderTitles();

// Kinds of work unit. `names` may use {D} (district) and {street}; `categories` lists the
// proposal categories people from such a unit tend to write about.
struct OrganizationKind
{
    const char *key;
    const char *names;
    const char *categories;
};
Table<OrganizationKind> organizationKinds();
const char *companyBrands();
const char *companyTrades();
const char *companyForms();
const char *neighbourhoods(); // 居民区
const char *villages();       // 村

// CPPCC 界别 with a weight and the organization kinds its members come from.
struct Sector
{
    const char *name;
    int weight;
    const char *organizationKinds;
};
Table<Sector> sectors();

const char *mobilePrefixes();
const char *emailDomains();

struct Category
{
    const char *name;
    const char *nameEn;
    int weight;
    const char *leads;    // "jw:5 kw:1": department codes with weights
    const char *co;       // department codes that may co-handle, space separated
    const char *subjects; // noun phrases for titles
    const char *replies;  // first sentences of reply summaries
};
Table<Category> categories();
const char *titleTemplates();
const char *titleAdverbs();
const char *subjectReplies();
const char *replyTails();

struct Scenario
{
    const char *department; // code
    const char *subject;    // the question, first line of the consultation
    const char *detail;     // optional second line
    const char *answer;
    const char *followUp;
    const char *followAnswer;
    const char *summary;
};
Table<Scenario> scenarios();
// The demo voice clips, in the order server/demo/voice/make-clips.sh records them: clip i is
// spoken by a representative or a responder of `department` and says `transcript`;
// `counterpart` is the text message that goes with it (the answer to a representative's clip,
// the question before a responder's clip).
struct VoiceExchange
{
    const char *department;
    bool fromRepresentative;
    const char *transcript;
    const char *counterpart;
    const char *summary;
};
Table<VoiceExchange> voiceExchanges();
// Department-neutral exchanges, "question#answer#summary" items.
const char *smallTalk();
const char *answerOpenings();
const char *repThanks();
const char *responderGoodbyes();
const char *summaryTails();

} // namespace DemoText
