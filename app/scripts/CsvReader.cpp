#include "CsvReader.h"

#include <QCoreApplication>

#include <csv.h>

namespace {

// The records libcsv reports, one list of cells each.
struct CsvRecords
{
    QList<QStringList> records;
    QStringList current;

    static void cell(void *text, size_t size, void *self)
    {
        static_cast<CsvRecords *>(self)->current.append(
            QString::fromUtf8(static_cast<const char *>(text), qsizetype(size)));
    }
    static void endOfRecord(int, void *self)
    {
        auto *records = static_cast<CsvRecords *>(self);
        records->records.append(std::move(records->current));
        records->current.clear();
    }
};

struct CsvParser
{
    csv_parser parser;
    CsvParser()
    {
        // Strict: a stray quote is an error to report, not a cell silently cut differently.
        csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI);
        // RFC 4180: spaces are part of a cell; libcsv would otherwise trim them.
        csv_set_space_func(&parser, [](unsigned char) { return 0; });
    }
    ~CsvParser() { csv_free(&parser); }
    CsvParser(const CsvParser &) = delete;
    CsvParser &operator=(const CsvParser &) = delete;
};

bool isBlankLine(QByteArrayView line)
{
    return line.trimmed().isEmpty();
}

// A library, not split(','): cells in quotes hold commas, doubled quotes and line breaks (a
// script's text has paragraphs), and a file a spreadsheet program wrote uses all of them. Fed
// line by line so that a broken quote can be reported with its line.
} // namespace

Expected<QList<QStringList>, QString> readCsv(const QByteArray &data, qsizetype maxRecords)
{
    CsvParser csv;
    CsvRecords records;
    int line = 1;
    int recordLine = 1; // where the record being read began
    bool inRecord = false;
    for (qsizetype at = 0; at < data.size(); ++line) {
        const qsizetype newline = data.indexOf('\n', at);
        const qsizetype end = newline < 0 ? data.size() : newline + 1;
        const QByteArrayView chunk(data.constData() + at, end - at);
        const qsizetype before = records.records.size();
        if (!inRecord)
            recordLine = line;
        if (csv_parse(&csv.parser, chunk.data(), size_t(chunk.size()), CsvRecords::cell,
                      CsvRecords::endOfRecord, &records) < size_t(chunk.size()))
            return QCoreApplication::translate(
                       "ScriptTransfer",
                       "The file is not valid CSV: line %1 has a quote where none can be (a "
                       "quote inside a cell is written twice, and the cell is put in quotes).")
                .arg(line);
        inRecord = records.records.size() == before && (inRecord || !isBlankLine(chunk));
        if (records.records.size() > maxRecords)
            return records.records; // enough to know there are too many
        at = end;
    }
    if (csv_fini(&csv.parser, CsvRecords::cell, CsvRecords::endOfRecord, &records) != 0)
        return QCoreApplication::translate("ScriptTransfer",
                                           "The file is not valid CSV: the quotes opened in line "
                                           "%1 are never closed.")
            .arg(recordLine);
    return records.records;
}
