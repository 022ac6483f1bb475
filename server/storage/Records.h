#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>

class SqlStatement;

struct TransferRecord
{
    qint64 fromDepartmentId = 0;
    qint64 fromResponderId = 0;
    qint64 toDepartmentId = 0;
    qint64 toResponderId = 0;
    QString reason;
    qint64 byResponderId = 0;
    qint64 at = 0;

    QJsonObject toJson() const;
};

struct ConsultationRecord
{
    qint64 id = 0;
    QString clientId;
    qint64 representativeId = 0;
    qint64 departmentId = 0;
    QString state;
    qint64 assigneeId = 0;
    QString subject;
    qint64 createdAt = 0;
    qint64 claimedAt = 0;
    qint64 closedAt = 0;
    QString closeSummary;
    int rating = 0;
    QString ratingComment;
    qint64 ratedAt = 0;
    std::optional<TransferRecord> lastTransfer;
    qint64 seq = 0;

    // The column list ConsultationRecord::fromRow reads, for "SELECT <columns> FROM
    // consultations c LEFT JOIN transfers t ON t.id = c.last_transfer_id".
    static QString columns();
    static ConsultationRecord fromRow(const SqlStatement &row);
    QJsonObject toJson() const;
};

struct MessageRecord
{
    qint64 id = 0;
    qint64 consultationId = 0;
    QString senderKind;
    qint64 senderId = 0;
    QString clientMsgId;
    QString kind;
    QString body; // text, or the system payload as JSON
    qint64 voiceClipId = 0;
    qint64 voiceDurationMs = 0;
    qint64 voiceBytes = 0;
    QString voiceWaveform;
    qint64 createdAt = 0;
    qint64 seq = 0;

    // For "SELECT <columns> FROM messages m LEFT JOIN voice_clips v ON v.id = m.voice_clip_id".
    static QString columns();
    static MessageRecord fromRow(const SqlStatement &row);
    QJsonObject toJson() const;
};
