#pragma once

#include "app/domain/Vocabulary.h"

#include <QList>
#include <QMetaType>
#include <QString>

// A representative as the dossier shows them, contact details included.
struct RepresentativeRow
{
    qint64 id = 0;
    QString name;
    RepresentativeKind kind = RepresentativeKind::Npc;
    QString delegation;
    QString sector;
    QString organization;
    QString mobile;
    QString officePhone;
    QString email;
    QString address;
};

// One of a representative's past proposals (代表建议 or 政协提案).
struct ProposalRow
{
    qint64 id = 0;
    QString number;
    int year = 0;
    ProposalKind kind = ProposalKind::Suggestion;
    QString title;
    QString category;
    QString status;
    qint64 leadDepartmentId = 0;
    QList<qint64> coDepartmentIds;
    QString replySummary;
};

Q_DECLARE_METATYPE(RepresentativeRow)
Q_DECLARE_METATYPE(ProposalRow)
