#pragma once

#include "app/core/Expected.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

// The records of an RFC 4180 CSV file (UTF-8), each a list of cells, read with libcsv. Refuses
// malformed quoting with the line it is on. Stops after more than `maxRecords` records (the
// caller sees there are too many without the rest being read).
Expected<QList<QStringList>, QString> readCsv(const QByteArray &data, qsizetype maxRecords);
