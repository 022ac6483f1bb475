#pragma once

#include <QWidget>

class QGridLayout;
class StatsTableModel;

// The dashboard's headline figures as tiles: what it is, the value large, the detail under it;
// a value past the department's limit in the warning colour. Reads the headline model and
// rebuilds when it resets.
class HeadlineTiles : public QWidget
{
    Q_OBJECT
public:
    explicit HeadlineTiles(StatsTableModel *model, QWidget *parent = nullptr);

    // Tiles per row; the dashboard sets it from its width.
    void setColumns(int columns);

private:
    void rebuild();

    StatsTableModel *m_model;
    QGridLayout *m_grid;
    int m_columns = 5;
};
