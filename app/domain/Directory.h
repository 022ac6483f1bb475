#pragma once

#include "Vocabulary.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

// The directory records of docs/protocol.md section 5: who the departments, officers and
// representatives are, and the representatives' proposals. Each maps to and from its JSON
// here and nowhere else; fromJson gives nothing for a record without an id or with a name
// the protocol does not define.

struct Department
{
    qint64 id = 0;
    QString code;
    QString name;
    QString nameEn;
    qint64 seq = 0;

    QJsonObject toJson() const;
    static std::optional<Department> fromJson(const QJsonObject &json);
};

struct Responder
{
    qint64 id = 0;
    QString login;
    QString name;
    qint64 departmentId = 0;
    ResponderRole role = ResponderRole::Responder;
    QString title;
    bool active = true;
    bool scriptEditor = false; // may change the department's reply scripts
    qint64 seq = 0;

    QJsonObject toJson() const;
    static std::optional<Responder> fromJson(const QJsonObject &json);
};

struct Contact
{
    QString mobile;
    QString officePhone;
    QString email;
    QString address;
};

struct Representative
{
    qint64 id = 0;
    QString login;
    QString name;
    RepresentativeKind kind = RepresentativeKind::Npc;
    QString delegation; // NPC deputies, e.g. 浦东新区代表团; "" otherwise
    QString sector;     // CPPCC members, e.g. 教育界; "" otherwise
    QString organization;
    Contact contact;
    qint64 seq = 0;

    QJsonObject toJson() const;
    static std::optional<Representative> fromJson(const QJsonObject &json);
};

struct Proposal
{
    qint64 id = 0;
    qint64 representativeId = 0;
    QString number;
    int year = 0;
    ProposalKind kind = ProposalKind::Suggestion;
    QString title;
    QString category;   // as the congress files it, e.g. 教育
    QString categoryEn; // its English name; "" when the server has none
    ProposalStatus status = ProposalStatus::Registered;
    qint64 leadDepartmentId = 0; // 0: no department assigned yet
    QList<qint64> coDepartmentIds;
    QString replySummary;
    qint64 seq = 0;

    QJsonObject toJson() const;
    static std::optional<Proposal> fromJson(const QJsonObject &json);
};

Q_DECLARE_METATYPE(Representative)
Q_DECLARE_METATYPE(Proposal)
