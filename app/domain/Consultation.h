#pragma once

#include "Vocabulary.h"

#include <QJsonObject>
#include <QString>
#include <optional>

// A consultation and its last transfer (docs/protocol.md section 6), mapped to and from JSON
// here and nowhere else.

struct Transfer
{
    qint64 fromDepartmentId = 0;
    qint64 fromResponderId = 0; // 0: it was waiting, nobody held it
    qint64 toDepartmentId = 0;
    qint64 toResponderId = 0; // 0: to the department's queue
    QString reason;
    qint64 byResponderId = 0;
    qint64 at = 0;

    QJsonObject toJson() const;
    static Transfer fromJson(const QJsonObject &json);
};

struct Consultation
{
    qint64 id = 0;
    QString clientId; // the representative's key that made its creation idempotent
    qint64 representativeId = 0;
    qint64 departmentId = 0;
    ConsultationState state = ConsultationState::Waiting;
    qint64 assigneeId = 0; // 0: nobody holds it
    QString subject;
    qint64 createdAt = 0;
    qint64 claimedAt = 0; // 0: never claimed
    qint64 closedAt = 0;  // 0: open
    QString closeSummary;
    int rating = 0; // 1..5; 0: not rated
    QString ratingComment;
    qint64 ratedAt = 0;
    std::optional<Transfer> lastTransfer;
    qint64 seq = 0;

    bool isHeldBy(qint64 responderId) const
    {
        return state == ConsultationState::Claimed && assigneeId == responderId;
    }

    QJsonObject toJson() const;
    static std::optional<Consultation> fromJson(const QJsonObject &json);
};
