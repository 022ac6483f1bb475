#pragma once

#include "Records.h"
#include "SyncPage.h"
#include "app/domain/Principal.h"

#include <QSqlDatabase>
#include <optional>

class Database;

// Consultations, their transfers and who may see them. Methods that change state expect the
// caller to hold a Transaction, so that a state change and its system message commit together.
class ConsultationStore
{
public:
    explicit ConsultationStore(Database &database);

    std::optional<Consultation> find(qint64 id) const;
    std::optional<Consultation> findByClientId(qint64 representativeId,
                                               const QString &clientId) const;
    bool isParticipant(qint64 consultationId, qint64 responderId) const;
    QList<qint64> participants(qint64 consultationId) const;
    bool canSee(const Principal &principal, const Consultation &consultation) const;

    std::optional<qint64> create(qint64 representativeId, qint64 departmentId,
                                 const QString &subject, const QString &clientId, qint64 now);
    // Compare-and-set on state = waiting: false when someone else got there first.
    bool claim(qint64 id, qint64 departmentId, qint64 responderId, qint64 now);
    bool transfer(const Consultation &current, const Transfer &transfer);
    bool close(qint64 id, const QString &summary, qint64 now);
    bool rate(qint64 id, int rating, const QString &comment, qint64 now);

    SyncPage page(const Principal &principal, qint64 afterSeq, int limit) const;
    // Departments whose responders lost sight of the consultation at `seq` (for removal events).
    QList<qint64> departuresAt(qint64 seq) const;

private:
    bool bumpAndAddParticipant(qint64 id, qint64 responderId);

    Database &m_database;
};
