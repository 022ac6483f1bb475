#pragma once

#include "app/workspace/ConsultationExport.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

// An export under way, at the bottom of the workspace: how far it is, and Cancel. The officer
// keeps working meanwhile; the bar says where the files went when it is done.
class ExportBar : public QWidget
{
    Q_OBJECT
public:
    explicit ExportBar(QWidget *parent = nullptr);

    void start(const ConsultationExport::Request &request);
    bool isRunning() const { return m_export->isRunning(); }
    QString text() const;
    ConsultationExport *job() const { return m_export; }

private:
    void onFinished(const ConsultationExport::Result &result);

    ConsultationExport *m_export;
    QLabel *m_label;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QPushButton *m_dismiss;
};
