#pragma once

#include "app/domain/Consultation.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

// One consultation as the queue shows it: the record joined with its representative, its first
// line and the officer's unread count.
struct ConsultationRow
{
    qint64 id = 0;
    ConsultationState state = ConsultationState::Waiting;
    qint64 departmentId = 0;
    qint64 assigneeId = 0; // 0: nobody
    QString assigneeName;
    QString subject; // the representative's: what the consultation is about
    // The latest message (not a system entry) and who wrote it; latestSender is System when
    // there is none yet.
    QString latestText; // its first line; empty for a voice message
    MessageKind latestKind = MessageKind::Text;
    SenderKind latestSender = SenderKind::System;
    qint64 latestSenderId = 0;
    QString latestSenderName; // an officer's; a representative's is representativeName
    qint64 latestVoiceMs = 0;
    qint64 createdAt = 0;
    qint64 claimedAt = 0;
    qint64 closedAt = 0;
    QString closeSummary;
    int rating = 0; // 0: not rated
    qint64 representativeId = 0;
    QString representativeName;
    RepresentativeKind representativeKind = RepresentativeKind::Npc;
    QString representativeGroup; // delegation (NPC) or sector (CPPCC)
    QJsonObject lastTransfer;    // empty when never transferred
    int unread = 0;
    qint64 sortKey = 0; // the value the list is ordered by (with id as the tie-break)

    // What the domain's rules (app/domain/ConsultationRules.h) judge actions on.
    Consultation record() const
    {
        Consultation c;
        c.id = id;
        c.representativeId = representativeId;
        c.departmentId = departmentId;
        c.state = state;
        c.assigneeId = assigneeId;
        c.rating = rating;
        return c;
    }
};

Q_DECLARE_METATYPE(ConsultationRow)
