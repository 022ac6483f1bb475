#pragma once

#include "app/domain/Vocabulary.h"

#include <QString>
#include <QVector>

// Deterministic demo data for the reference server: the departments (委办局) of the Shanghai
// 两会 online consultation platform, their responders, representatives (市人大代表 / 市政协委员)
// with contact details and past proposals (代表建议 / 政协提案), and closed demo consultations.
// Pure C++: no database, no I/O. The same sizes and seed always give the same catalog, on every
// platform (the generator uses std::mt19937 and its own distributions, never the standard
// library's, whose results differ between implementations).
//
// Well-known demo accounts (present for every seed, see demoResponderPassword()):
//   "jw.1"  市教委, the department lead (处长)
//   "jw.2"  市教委, a plain responder
// Representatives log in as "rep0001" .. "rep2000" (see demoRepresentativePassword()).

struct DemoDepartment
{
    QString code; // short ASCII slug, e.g. "jw", "wjw"
    QString name;
    QString nameEn;
};

struct DemoResponder
{
    QString login; // "<department code>.<n>", n from 1; n == 1 is the lead
    QString name;
    int department; // index into DemoCatalog::departments
    bool lead;
    QString title;
};

struct DemoRepresentative
{
    QString login; // "rep0001" ...
    QString name;
    bool npc;           // true: 市人大代表, false: 市政协委员
    QString delegation; // NPC only: "浦东新区代表团" ...
    QString sector;     // CPPCC only: 界别, "中国民主同盟", "医药卫生界" ...
    QString organization;
    QString mobile;
    QString officePhone;
    QString email;
    QString address;
};

struct DemoProposal
{
    int representative; // index into DemoCatalog::representatives
    QString number;     // "2024-0153", unique per (year, suggestion)
    int year;
    bool suggestion; // true: 代表建议 (NPC), false: 政协提案 (CPPCC)
    QString title;
    QString category;
    QString categoryEn;
    ProposalStatus status = ProposalStatus::Registered;
    int leadDepartment; // index into DemoCatalog::departments
    QVector<int> coDepartments;
    QString replySummary; // empty unless replied or concluded
};

struct DemoMessage
{
    bool fromRepresentative;
    QString text;       // empty for a voice message
    int voiceClip = -1; // >= 0: index into the demo voice clips instead of text
};

struct DemoConsultation
{
    int representative;
    int department;
    int responder;   // index into DemoCatalog::responders, always of `department`
    QString subject; // the first line of the first message
    QVector<DemoMessage> messages;
    QString closeSummary;
    int rating;             // 0 = not rated, else 1..5
    qint64 startOffsetSecs; // seconds before "now" it was opened
};

struct DemoCatalog
{
    QVector<DemoDepartment> departments;
    QVector<DemoResponder> responders;
    QVector<DemoRepresentative> representatives;
    QVector<DemoProposal> proposals;
    QVector<DemoConsultation> consultations; // oldest first
};

struct DemoSizes
{
    int representatives = 2000;
    int proposals = 20000;
    int consultations = 300;
    // How many of the demo voice clips the caller has (server/demo/voice, in the order of
    // make-clips.sh). Each clip belongs to one department and speaker and says something that
    // fits the dialogue; consultations of the six departments with a clip carry one voice
    // message most of the time, about 1 in 5 consultations in all. 0: no voice messages.
    int voiceClips = 6;
};

// Departments (42) and responders (about 150) do not depend on the sizes; logins never depend on
// the seed.
DemoCatalog buildDemoCatalog(const DemoSizes &sizes = {}, quint32 seed = 20220119);

QString demoResponderPassword();      // every demo responder: "demo2026"
QString demoRepresentativePassword(); // every demo representative: "rep2026"
