#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>
#include <QVariant>

// The numbers behind one chart or table of the statistics dashboard: labelled rows, typed
// columns. The chart draws from it, the table view shows it as it is, and toCsv() writes it
// whole (no row cap). Display text is formatted for the reader; ValueRole is the plain number.
class StatsTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Unit
    {
        Count,
        DurationMs, // shown as "3 min 20 s"; in CSV as seconds
        Share,      // 0..1, shown as a percentage
        Mean,       // a mean rating, one decimal
        Text,
    };
    struct Column
    {
        QString header;
        Unit unit = Unit::Count;
    };
    enum Role
    {
        ValueRole = Qt::UserRole + 1, // double, or QString for Text columns
        AlertRole,                    // bool: a figure past the department's limit
    };

    explicit StatsTableModel(QString title, QObject *parent = nullptr);

    const QString &title() const { return m_title; }
    // Rows of values, each as long as `columns`; `alerts` (optional) marks cells by row.
    void reset(QStringList rowLabels, QList<Column> columns, QList<QVariantList> rows,
               QList<QList<bool>> alerts = {});
    double value(int row, int column) const;
    // The largest value in the columns (all when empty), or in the sum of each row's columns.
    double maximum(bool stacked = false) const;
    Unit unit(int column) const { return m_columns.value(column).unit; }
    QString rowLabel(int row) const { return m_rowLabels.value(row); }

    // RFC 4180 with a header line; row labels first; durations in seconds.
    QString toCsv(const QString &rowHeader) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "3 min 20 s", "1 h 05 min", "45 s": long waits read at a glance.
    static QString durationText(double ms);
    static QString valueText(const QVariant &value, Unit unit);

private:
    QString m_title;
    QStringList m_rowLabels;
    QList<Column> m_columns;
    QList<QVariantList> m_rows;
    QList<QList<bool>> m_alerts;
};
