#include "StatsTableModel.h"

#include "app/core/CsvCell.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

StatsTableModel::StatsTableModel(QString title, QObject *parent)
    : QAbstractTableModel(parent)
    , m_title(std::move(title))
{}

void StatsTableModel::reset(QStringList rowLabels, QList<Column> columns, QList<QVariantList> rows,
                            QList<QList<bool>> alerts)
{
    beginResetModel();
    m_rowLabels = std::move(rowLabels);
    m_columns = std::move(columns);
    m_rows = std::move(rows);
    m_alerts = std::move(alerts);
    endResetModel();
}

double StatsTableModel::value(int row, int column) const
{
    return m_rows.value(row).value(column).toDouble();
}

double StatsTableModel::maximum(bool stacked) const
{
    double most = 0;
    for (const QVariantList &row : m_rows) {
        double sum = 0;
        for (int c = 0; c < row.size(); ++c) {
            if (m_columns.value(c).unit == Unit::Text)
                continue;
            sum = stacked ? sum + row.at(c).toDouble() : std::max(sum, row.at(c).toDouble());
        }
        most = std::max(most, sum);
    }
    return most;
}

int StatsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StatsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant StatsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariant v = m_rows.at(index.row()).value(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return valueText(v, m_columns.at(index.column()).unit);
    case ValueRole:
        return v;
    case AlertRole:
        return m_alerts.value(index.row()).value(index.column());
    case Qt::TextAlignmentRole:
        return m_columns.at(index.column()).unit == Unit::Text
                   ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant StatsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal)
        return m_columns.value(section).header;
    return m_rowLabels.value(section);
}

QString StatsTableModel::durationText(double ms)
{
    const qint64 seconds = qint64(std::llround(ms / 1000.0));
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    const qint64 minutes = (seconds + 30) / 60;
    if (minutes < 48 * 60)
        return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 d %2 h").arg(minutes / (24 * 60)).arg((minutes / 60) % 24);
}

QString StatsTableModel::valueText(const QVariant &value, Unit unit)
{
    if (!value.isValid())
        return QStringLiteral("–");
    switch (unit) {
    case Unit::Count:
        return QLocale().toString(value.toLongLong());
    case Unit::DurationMs:
        return durationText(value.toDouble());
    case Unit::Share:
        return QLocale().toString(value.toDouble() * 100, 'f', 1) + QLatin1Char('%');
    case Unit::Mean:
        return QLocale().toString(value.toDouble(), 'f', 2);
    case Unit::Text:
        return value.toString();
    }
    return value.toString();
}

QString StatsTableModel::toCsv(const QString &rowHeader) const
{
    QStringList header{Csv::csvCell(rowHeader)};
    for (const Column &c : m_columns)
        header << Csv::csvCell(c.unit == Unit::DurationMs ? tr("%1 (seconds)").arg(c.header)
                                                          : c.header);
    QString out = header.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (int r = 0; r < m_rows.size(); ++r) {
        QStringList line{Csv::csvCell(m_rowLabels.value(r))};
        for (int c = 0; c < m_columns.size(); ++c) {
            const QVariant v = m_rows.at(r).value(c);
            QString cell;
            if (!v.isValid())
                cell = QString();
            else if (m_columns.at(c).unit == Unit::DurationMs)
                cell = QString::number(v.toDouble() / 1000.0, 'f', 1);
            else if (m_columns.at(c).unit == Unit::Text)
                cell = Csv::csvCell(v.toString());
            else if (m_columns.at(c).unit == Unit::Count)
                cell = QString::number(v.toLongLong());
            else
                cell = QString::number(v.toDouble(), 'f', 4);
            line << cell;
        }
        out += line.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out;
}
