#pragma once

#include "ConsultationTimeline.h"

#include <functional>

class Database;

// Reads consultation timelines from the server's database for the statistics, one
// consultation at a time in id order, so that a year of a department never sits in memory.
class ActivityReader
{
public:
    using Visit = std::function<void(const ConsultationTimeline &)>;

    explicit ActivityReader(Database &database)
        : m_database(database)
    {}

    // Every consultation with something in [fromMs, toMs): opened then or a message then; with
    // a department, only those that are or were in it.
    bool readActiveBetween(qint64 fromMs, qint64 toMs, const Visit &visit, qint64 departmentId = 0);
    // Every consultation opened before toMs that is in the department now, and every one that
    // was ever transferred from or to it.
    bool readOfDepartment(qint64 departmentId, qint64 toMs, const Visit &visit);

private:
    bool read(const QString &idSet, const QVariantList &values, const Visit &visit);

    Database &m_database;
};
