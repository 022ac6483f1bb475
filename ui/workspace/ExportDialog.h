#pragma once

#include "app/workspace/ConsultationExport.h"

#include <QDialog>

class QPushButton;
class QRadioButton;

// What to export, asked before any file dialog: which consultations (nothing chosen for the
// officer: which records leave the building is theirs to say) and as what.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ExportDialog(bool consultationOpen, QWidget *parent = nullptr);

    bool scopeChosen() const;
    bool wholeList() const;
    ConsultationExport::Format format() const;

    QRadioButton *openChoice() const { return m_open; }
    QRadioButton *listChoice() const { return m_list; }
    QRadioButton *pdfChoice() const { return m_pdf; }
    QPushButton *exportButton() const { return m_export; }

private:
    QRadioButton *m_open;
    QRadioButton *m_list;
    QRadioButton *m_csv;
    QRadioButton *m_pdf;
    QPushButton *m_export;
};
