#pragma once

#include "app/scripts/ScriptTransfer.h"

#include <QDialog>

class QStandardItemModel;

// What an import did: how many scripts came in, and every row that did not with its number and
// reason, so that the officer can correct the file (or pass the list on: "Copy report").
class ImportReport : public QDialog
{
    Q_OBJECT
public:
    ImportReport(const QString &fileName, int imported,
                 const QList<ScriptTransfer::Rejection> &rejected, QWidget *parent = nullptr);

    // As "Copy report" puts it on the clipboard.
    QString text() const;

private:
    QString m_summary;
    QStandardItemModel *m_rows;
};
