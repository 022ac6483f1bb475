#include "ExportBar.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>

ExportBar::ExportBar(QWidget *parent)
    : QWidget(parent)
    , m_export(new ConsultationExport(this))
    , m_label(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel export"), this))
    , m_dismiss(new QPushButton(tr("Dismiss"), this))
{
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setAccessibleName(tr("Export progress"));
    m_progress->setMaximumWidth(240);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    layout->addWidget(m_dismiss);
    connect(m_cancel, &QPushButton::clicked, m_export, &ConsultationExport::cancel);
    connect(m_dismiss, &QPushButton::clicked, this, &QWidget::hide);
    connect(m_export, &ConsultationExport::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        m_label->setText(
            tr("Exporting %1 of %2…").arg(QLocale().toString(done), QLocale().toString(total)));
    });
    connect(m_export, &ConsultationExport::finished, this, &ExportBar::onFinished);
    hide();
}

void ExportBar::start(const ConsultationExport::Request &request)
{
    if (m_export->isRunning())
        return;
    m_label->setText(tr("Preparing the export…"));
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
    m_dismiss->hide();
    show();
    m_export->start(request);
}

void ExportBar::onFinished(const ConsultationExport::Result &result)
{
    m_progress->hide();
    m_cancel->hide();
    m_dismiss->show();
    if (result.cancelled)
        m_label->setText(tr("Export cancelled after %1 consultations.").arg(result.exported));
    else if (!result.error.isEmpty())
        m_label->setText(tr("Export failed: %1").arg(result.error));
    else
        m_label->setText(tr("Exported %1 consultations to %2")
                             .arg(QLocale().toString(result.exported),
                                  result.files.size() == 1
                                      ? result.files.first()
                                      : QFileInfo(result.files.value(0)).path()));
}

QString ExportBar::text() const
{
    return m_label->text();
}
