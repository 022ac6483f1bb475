#include "ScriptTransfer.h"

#include "CsvReader.h"
#include "app/core/CsvCell.h"
#include "app/protocol/Limits.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStringDecoder>

#include <algorithm>
#include <array>
#include <optional>

namespace {

const QLatin1String formatName("responder-console-scripts");
constexpr int formatVersion = 1;
const QByteArray utf8Bom("\xEF\xBB\xBF");

// One script as it stands in a file, before it is checked.
struct RawScript
{
    QString title;
    QString body;
    QString category;
    QStringList tags;
    QString validUntil;
    QString scope;
};

using RowCheck = Expected<ReplyScript, QString>;

QString tooLong(const char *sourceText, int size, int limit)
{
    return QCoreApplication::translate("ScriptTransfer", sourceText).arg(size).arg(limit);
}

std::optional<ReplyScript::Scope> scopeFrom(const QString &text)
{
    const QString name = text.trimmed().toLower();
    if (name.isEmpty() || name == QStringLiteral("个人"))
        return ReplyScript::Scope::Personal;
    if (name == QStringLiteral("部门"))
        return ReplyScript::Scope::Department;
    return ReplyScript::scopeFromName(name);
}

std::optional<QString> tagsProblem(const QStringList &tags)
{
    if (tags.size() > Limits::maxScriptTags)
        return tooLong(
            QT_TRANSLATE_NOOP("ScriptTransfer", "The script has %1 tags; at most %2 are allowed."),
            tags.size(), Limits::maxScriptTags);
    for (const QString &tag : tags) {
        if (tag.size() > Limits::maxScriptTagChars)
            return QCoreApplication::translate(
                       "ScriptTransfer", "The tag “%1” has %2 characters; at most %3 are allowed.")
                .arg(tag)
                .arg(tag.size())
                .arg(Limits::maxScriptTagChars);
    }
    return std::nullopt;
}

std::optional<QString> textProblem(const ReplyScript &s)
{
    if (s.title.isEmpty())
        return QCoreApplication::translate("ScriptTransfer", "The title is empty.");
    if (s.title.size() > Limits::maxScriptTitleChars)
        return tooLong(QT_TRANSLATE_NOOP("ScriptTransfer",
                                         "The title has %1 characters; at most %2 are allowed."),
                       s.title.size(), Limits::maxScriptTitleChars);
    if (s.body.trimmed().isEmpty())
        return QCoreApplication::translate("ScriptTransfer", "The text is empty.");
    if (s.body.size() > Limits::maxScriptBodyChars)
        return tooLong(QT_TRANSLATE_NOOP("ScriptTransfer",
                                         "The text has %1 characters; at most %2 are allowed."),
                       s.body.size(), Limits::maxScriptBodyChars);
    if (s.category.size() > Limits::maxScriptCategoryChars)
        return tooLong(QT_TRANSLATE_NOOP("ScriptTransfer",
                                         "The category has %1 characters; at most %2 are allowed."),
                       s.category.size(), Limits::maxScriptCategoryChars);
    return std::nullopt;
}

QStringList cleanTags(const QStringList &tags)
{
    QStringList clean;
    for (const QString &tag : tags) {
        if (!tag.trimmed().isEmpty() && !clean.contains(tag.trimmed()))
            clean << tag.trimmed();
    }
    return clean;
}

// Empty: no end date.
Expected<QDate, QString> dateFrom(const QString &text)
{
    const QString date = text.trimmed();
    if (date.isEmpty())
        return QDate();
    static const QRegularExpression isoDate(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QDate parsed = QDate::fromString(date, QStringLiteral("yyyy-MM-dd"));
    if (!isoDate.match(date).hasMatch() || !parsed.isValid())
        return QCoreApplication::translate("ScriptTransfer",
                                           "The date “%1” is not a date written as YYYY-MM-DD.")
            .arg(date);
    return parsed;
}

// The same limits as the server's, so that an accepted row is one the server stores.
RowCheck scriptFrom(const RawScript &raw)
{
    ReplyScript s;
    s.title = raw.title.trimmed();
    s.body = raw.body;
    s.category = raw.category.trimmed();
    s.tags = cleanTags(raw.tags);
    if (const auto problem = textProblem(s))
        return *problem;
    if (const auto problem = tagsProblem(s.tags))
        return *problem;
    const auto validUntil = dateFrom(raw.validUntil);
    if (!validUntil)
        return validUntil.error();
    s.validUntil = validUntil.value();
    const auto scope = scopeFrom(raw.scope);
    if (!scope)
        return QCoreApplication::translate("ScriptTransfer",
                                           "The scope “%1” is neither “department” nor “personal”.")
            .arg(raw.scope.trimmed());
    s.scope = *scope;
    return s;
}

void addRow(ScriptTransfer::ImportResult &result, int row, const RowCheck &checked)
{
    if (checked)
        result.scripts.append({row, checked.value()});
    else
        result.rejected.append({row, checked.error()});
}

bool mostlyNul(const QByteArray &data)
{
    const QByteArray sample = data.left(4096);
    return sample.count('\0') * 4 > sample.size();
}

// Spreadsheet programs on Chinese Windows save "CSV" as GB18030 and "Unicode text" as UTF-16;
// both would import as garbage. The officer is told how to save the file instead.
std::optional<QString> encodingProblem(const QByteArray &data)
{
    if (data.startsWith("\xFF\xFE") || data.startsWith("\xFE\xFF") || mostlyNul(data))
        return QCoreApplication::translate("ScriptTransfer",
                                           "The file is saved as UTF-16 (“Unicode text”). Save "
                                           "it as UTF-8 and import it again.");
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString decoded = decoder.decode(data); // decoding happens in this conversion
    if (decoder.hasError())
        return QCoreApplication::translate(
            "ScriptTransfer",
            "The file is not UTF-8 text; it may have been saved as GBK or GB18030. Save it as "
            "UTF-8 (in Excel: “CSV UTF-8”) and import it again.");
    if (data.contains('\0'))
        return QCoreApplication::translate("ScriptTransfer",
                                           "The file is not a text file: it contains zero bytes.");
    return std::nullopt;
}

QString tooBig()
{
    return QCoreApplication::translate("ScriptTransfer",
                                       "The file is larger than %1 MB, the most that can be "
                                       "imported at once.")
        .arg(ScriptTransfer::maxFileBytes / (1024 * 1024));
}

QString tooManyRows()
{
    return QCoreApplication::translate(
               "ScriptTransfer", "The file has more than %1 scripts; import it in smaller parts.")
        .arg(ScriptTransfer::maxRows);
}

QString notText(QLatin1String field)
{
    return QCoreApplication::translate("ScriptTransfer", "“%1” is not text.").arg(field);
}

// A field that may be missing or null (then empty) or text; anything else is a mistake to show.
std::optional<QString> jsonText(const QJsonObject &json, QLatin1String field)
{
    const QJsonValue value = json.value(field);
    if (value.isUndefined() || value.isNull())
        return QString();
    if (!value.isString())
        return std::nullopt;
    return value.toString();
}

Expected<RawScript, QString> rawFromJson(const QJsonValue &entry)
{
    if (!entry.isObject())
        return QCoreApplication::translate("ScriptTransfer",
                                           "The entry is not a script (an object with a title "
                                           "and a text).");
    const QJsonObject json = entry.toObject();
    RawScript raw;
    const std::pair<QLatin1String, QString *> texts[] = {
        {QLatin1String("title"), &raw.title},
        {QLatin1String("body"), &raw.body},
        {QLatin1String("category"), &raw.category},
        {QLatin1String("validUntil"), &raw.validUntil},
        {QLatin1String("scope"), &raw.scope}};
    for (const auto &[field, target] : texts) {
        const auto text = jsonText(json, field);
        if (!text)
            return notText(field);
        *target = *text;
    }
    const QJsonValue tags = json.value(QLatin1String("tags"));
    if (!tags.isUndefined() && !tags.isNull() && !tags.isArray())
        return QCoreApplication::translate("ScriptTransfer", "“tags” is not a list.");
    for (const QJsonValue &tag : tags.toArray()) {
        if (!tag.isString())
            return QCoreApplication::translate("ScriptTransfer",
                                               "“tags” holds something that is not text.");
        raw.tags << tag.toString();
    }
    return raw;
}

// Our own export, or a bare array of scripts (what another tool most easily writes).
Expected<QJsonArray, QString> jsonEntries(const QByteArray &data)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(data, &error);
    if (document.isNull())
        return QCoreApplication::translate("ScriptTransfer",
                                           "The file is not valid JSON (%1 at position %2).")
            .arg(error.errorString())
            .arg(error.offset);
    if (document.isArray())
        return document.array();
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("format")).toString() != formatName ||
        !root.value(QLatin1String("scripts")).isArray())
        return QCoreApplication::translate("ScriptTransfer",
                                           "The file is JSON but not a list of reply scripts.");
    const int version = root.value(QLatin1String("version")).toInt(formatVersion);
    if (version > formatVersion)
        return QCoreApplication::translate("ScriptTransfer",
                                           "The file was written by a newer version of the "
                                           "console (script format %1); this one reads format %2.")
            .arg(version)
            .arg(formatVersion);
    return root.value(QLatin1String("scripts")).toArray();
}

Expected<ScriptTransfer::ImportResult, QString> importJson(const QByteArray &data)
{
    const auto entries = jsonEntries(data);
    if (!entries)
        return entries.error();
    if (entries->size() > ScriptTransfer::maxRows)
        return tooManyRows();
    ScriptTransfer::ImportResult result;
    for (int i = 0; i < entries->size(); ++i) {
        const auto raw = rawFromJson(entries->at(i));
        addRow(result, i + 1, raw ? scriptFrom(raw.value()) : RowCheck(raw.error()));
    }
    return result;
}

QJsonObject jsonFrom(const ReplyScript &s)
{
    return {{QStringLiteral("title"), s.title},
            {QStringLiteral("body"), s.body},
            {QStringLiteral("category"), s.category},
            {QStringLiteral("tags"), QJsonArray::fromStringList(s.tags)},
            {QStringLiteral("validUntil"), s.validUntil.isValid()
                                               ? QJsonValue(s.validUntil.toString(Qt::ISODate))
                                               : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("scope"), ReplyScript::scopeName(s.scope)}};
}

QByteArray exportJson(const QList<ReplyScript> &scripts)
{
    QJsonArray entries;
    for (const ReplyScript &s : scripts)
        entries.append(jsonFrom(s));
    const QJsonObject root{{QStringLiteral("format"), formatName},
                           {QStringLiteral("version"), formatVersion},
                           {QStringLiteral("scripts"), entries}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

enum Column
{
    TitleColumn,
    BodyColumn,
    CategoryColumn,
    TagsColumn,
    ValidUntilColumn,
    ScopeColumn,
    ColumnCount
};

struct ColumnName
{
    QLatin1String english;
    QStringView chinese;
};

const ColumnName columnNames[ColumnCount] = {
    {QLatin1String("title"), u"标题"},           {QLatin1String("body"), u"正文"},
    {QLatin1String("category"), u"分类"},        {QLatin1String("tags"), u"标签"},
    {QLatin1String("valid_until"), u"有效期至"}, {QLatin1String("scope"), u"范围"}};

using ColumnIndexes = std::array<int, ColumnCount>; // -1: not in the file

ColumnIndexes columnsOf(const QStringList &header)
{
    ColumnIndexes indexes;
    indexes.fill(-1);
    for (int i = 0; i < header.size(); ++i) {
        const QString name = header.at(i).trimmed();
        for (int c = 0; c < ColumnCount; ++c) {
            const bool named = name.compare(columnNames[c].english, Qt::CaseInsensitive) == 0 ||
                               name == columnNames[c].chinese;
            if (named && indexes[c] < 0)
                indexes[c] = i;
        }
    }
    return indexes;
}

std::optional<QString> missingColumns(const ColumnIndexes &columns)
{
    QStringList missing;
    for (const Column required : {TitleColumn, BodyColumn}) {
        if (columns[required] < 0)
            missing << QStringLiteral("%1 (%2)").arg(columnNames[required].english,
                                                     columnNames[required].chinese);
    }
    if (missing.isEmpty())
        return std::nullopt;
    return QCoreApplication::translate(
               "ScriptTransfer",
               "The first row must name the columns, and these are missing: %1. Title and body "
               "are required; category, tags, valid_until and scope are optional.")
        .arg(missing.join(QStringLiteral(", ")));
}

QStringList splitTags(const QString &cell)
{
    static const QRegularExpression separators(QStringLiteral("[;；,，、]"));
    return cell.split(separators, Qt::SkipEmptyParts);
}

RowCheck scriptFromCells(const QStringList &cells, const ColumnIndexes &columns)
{
    auto cell = [&](Column column) {
        return columns[column] < 0 ? QString() : Csv::unguardedCell(cells.at(columns[column]));
    };
    RawScript raw;
    raw.title = cell(TitleColumn);
    raw.body = cell(BodyColumn);
    raw.category = cell(CategoryColumn);
    raw.tags = splitTags(cell(TagsColumn));
    raw.validUntil = cell(ValidUntilColumn);
    raw.scope = cell(ScopeColumn);
    return scriptFrom(raw);
}

bool allEmpty(const QStringList &cells)
{
    return std::all_of(cells.begin(), cells.end(), [](const QString &c) { return c.isEmpty(); });
}

Expected<ScriptTransfer::ImportResult, QString> importCsv(const QByteArray &data)
{
    // The header and at most maxRows rows.
    const auto records = readCsv(data, ScriptTransfer::maxRows + 1);
    if (!records)
        return records.error();
    if (records->size() > ScriptTransfer::maxRows + 1)
        return tooManyRows();
    const QStringList header = records->value(0);
    const ColumnIndexes columns = columnsOf(header);
    if (const auto missing = missingColumns(columns))
        return *missing;
    ScriptTransfer::ImportResult result;
    for (int row = 1; row < records->size(); ++row) {
        const QStringList &cells = records->at(row);
        // What a spreadsheet program leaves below the table: nothing to import, nothing lost.
        if (allEmpty(cells))
            continue;
        if (cells.size() != header.size()) {
            result.rejected.append(
                {row, QCoreApplication::translate("ScriptTransfer",
                                                  "The row has %1 cells; the header has %2.")
                          .arg(cells.size())
                          .arg(header.size())});
            continue;
        }
        addRow(result, row, scriptFromCells(cells, columns));
    }
    return result;
}

QByteArray csvLine(const QStringList &cells)
{
    QStringList written;
    for (const QString &cell : cells)
        written << Csv::csvCell(cell);
    return written.join(u',').toUtf8() + "\r\n";
}

QByteArray exportCsv(const QList<ReplyScript> &scripts)
{
    // The byte order mark makes spreadsheet programs read the file as UTF-8, not as GB18030.
    QByteArray out = utf8Bom;
    QStringList header;
    for (const ColumnName &name : columnNames)
        header << name.english;
    out += csvLine(header);
    for (const ReplyScript &s : scripts) {
        out += csvLine({s.title, s.body, s.category, s.tags.join(QStringLiteral("; ")),
                        s.validUntil.isValid() ? s.validUntil.toString(Qt::ISODate) : QString(),
                        ReplyScript::scopeName(s.scope)});
    }
    return out;
}

} // namespace

namespace ScriptTransfer {

QByteArray exportScripts(const QList<ReplyScript> &scripts, Format format)
{
    return format == Format::Csv ? exportCsv(scripts) : exportJson(scripts);
}

Expected<ImportResult, QString> importScripts(const QByteArray &data, Format format)
{
    if (data.size() > maxFileBytes)
        return tooBig();
    if (const auto problem = encodingProblem(data))
        return *problem;
    const QByteArray text = data.startsWith(utf8Bom) ? data.mid(utf8Bom.size()) : data;
    if (text.trimmed().isEmpty())
        return QCoreApplication::translate("ScriptTransfer", "The file is empty.");
    return format == Format::Csv ? importCsv(text) : importJson(text);
}

Format formatForFile(const QString &fileName)
{
    return fileName.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? Format::Csv
                                                                         : Format::Json;
}

Expected<ImportResult, QString> importFile(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return QCoreApplication::translate("ScriptTransfer", "The file cannot be opened: %1")
            .arg(file.errorString());
    // Not read at all when too big: it cannot be a list of scripts, and may be anything.
    if (file.size() > maxFileBytes)
        return tooBig();
    return importScripts(file.read(maxFileBytes + 1), formatForFile(fileName));
}

Expected<Unit, QString> exportFile(const QString &fileName, const QList<ReplyScript> &scripts)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(exportScripts(scripts, formatForFile(fileName))) < 0 || !file.commit())
        return file.errorString();
    return Unit{};
}

} // namespace ScriptTransfer
