#pragma once

#include "app/workspace/ConsultationExport.h"

#include <QUrl>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

// An export under way, at the bottom of the workspace: how far it is, and Cancel. The officer
// keeps working meanwhile; the bar says where the files went when it is done, and opens them.
class ExportBar : public QWidget
{
    Q_OBJECT
public:
    explicit ExportBar(QWidget *parent = nullptr);

    void start(const ConsultationExport::Request &request);
    bool isRunning() const { return m_export->isRunning(); }
    QString text() const;
    ConsultationExport *job() const { return m_export; }
    // After a successful export: open the file (when there is one) and the folder it is in.
    QPushButton *openButton() const { return m_open; }
    QPushButton *folderButton() const { return m_folder; }
    QUrl openTarget() const;
    QUrl folderTarget() const;
    // A shared desk starts no other program: the file and folder are not offered for opening.
    void setOpeningAllowed(bool allowed) { m_openingAllowed = allowed; }

private:
    void onFinished(const ConsultationExport::Result &result);

    ConsultationExport *m_export;
    QLabel *m_label;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QPushButton *m_open;
    QPushButton *m_folder;
    QStringList m_files;
    bool m_openingAllowed = true;
    QPushButton *m_dismiss;
};
