#pragma once

#include <QString>
#include <QStringView>

namespace Csv {

// What a spreadsheet program evaluates when a cell starts with it.
inline constexpr QStringView formulaStarts = u"=+-@\t\r";

// One cell of an RFC 4180 line, written so that a spreadsheet shows it as text.
inline QString csvCell(const QString &value)
{
    QString cell = value;
    // =, +, -, @ (and tab or CR) at the start make spreadsheets evaluate the cell: CSV
    // injection. A leading apostrophe keeps it text and is what those programs show as such.
    if (!cell.isEmpty() && formulaStarts.contains(cell.at(0)))
        cell.prepend(u'\'');
    if (cell.contains(u'"') || cell.contains(u',') || cell.contains(u'\n') || cell.contains(u'\r'))
        cell = u'"' + cell.replace(QStringLiteral("\""), QStringLiteral("\"\"")) + u'"';
    return cell;
}

// The cell's text as it was before csvCell guarded it, so that our own files read back as
// they were written.
inline QString unguardedCell(const QString &cell)
{
    if (cell.size() >= 2 && cell.at(0) == u'\'' && formulaStarts.contains(cell.at(1)))
        return cell.mid(1);
    return cell;
}

} // namespace Csv
