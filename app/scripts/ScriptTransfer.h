#pragma once

#include "ReplyScript.h"
#include "app/core/Expected.h"

#include <QByteArray>
#include <QList>
#include <QString>

// Import and export of reply scripts as JSON or CSV (UTF-8). An import never fails silently:
// a file that cannot be read at all is refused with the reason; otherwise every row is either
// accepted or listed with its number and the reason it was rejected.
namespace ScriptTransfer {

enum class Format
{
    Json,
    Csv
};

struct Rejection
{
    int row = 0;    // 1-based data row (CSV: not counting the header; JSON: array index + 1)
    QString reason; // translated, for the officer
};

struct ImportedScript
{
    int row = 0;        // as in Rejection
    ReplyScript script; // clientId empty, id 0: a new script to create
};

struct ImportResult
{
    QList<ImportedScript> scripts;
    QList<Rejection> rejected; // in row order
};

constexpr qint64 maxFileBytes = 8 * 1024 * 1024;
constexpr int maxRows = 5000;

QByteArray exportScripts(const QList<ReplyScript> &scripts, Format format);
// Refuses a whole file (returns the reason) only when it cannot be read as a list of scripts
// at all: too big, not UTF-8, not JSON / no header, required columns missing.
Expected<ImportResult, QString> importScripts(const QByteArray &data, Format format);
// By file name suffix (.json / .csv); Json otherwise.
Format formatForFile(const QString &fileName);
// The same for files, in the format their name says. A file over maxFileBytes is refused
// before it is read; an export that fails half-way leaves an earlier file as it was.
Expected<ImportResult, QString> importFile(const QString &fileName);
Expected<Unit, QString> exportFile(const QString &fileName, const QList<ReplyScript> &scripts);

} // namespace ScriptTransfer
