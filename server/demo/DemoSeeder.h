#pragma once

#include "app/core/Expected.h"

#include <QString>

class Database;
struct DemoCatalog;

struct DemoVoiceClip
{
    QByteArray data;
    QString text;
    bool fromRepresentative = true;
};

// Writes the demo catalog into an empty database in one transaction: departments, responders,
// representatives, proposals, and closed consultations with their whole history.
namespace DemoSeeder {
// The demo voice clips shipped as resources (server/demo/voice).
QList<DemoVoiceClip> bundledVoiceClips();
struct Report
{
    QString summary;
};
Expected<Report, QString> seed(Database &database, const DemoCatalog &catalog,
                               const QList<DemoVoiceClip> &clips, qint64 nowMs);
} // namespace DemoSeeder
