#include "ExportBar.h"

#include <QDesktopServices>
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
    , m_open(new QPushButton(tr("Open file"), this))
    , m_folder(new QPushButton(tr("Open folder"), this))
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
    layout->addWidget(m_open);
    layout->addWidget(m_folder);
    layout->addWidget(m_dismiss);
    connect(m_cancel, &QPushButton::clicked, m_export, &ConsultationExport::cancel);
    connect(m_open, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(openTarget()); });
    connect(m_folder, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(folderTarget()); });
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
    m_open->hide();
    m_folder->hide();
    m_dismiss->hide();
    m_files.clear();
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
    m_files = result.files;
    const bool written = !result.cancelled && result.error.isEmpty() && !m_files.isEmpty();
    // Focus stays where the officer is typing: the export ran in the background.
    m_open->setVisible(m_openingAllowed && written && m_files.size() == 1);
    m_folder->setVisible(m_openingAllowed && written);
    if (result.cancelled || !result.error.isEmpty())
        return;
    m_label->setText(tr("Exported %1 consultations to %2")
                         .arg(QLocale().toString(result.exported),
                              result.files.size() == 1 ? result.files.first()
                                                       : QFileInfo(result.files.value(0)).path()));
}

QUrl ExportBar::openTarget() const
{
    return m_files.size() == 1 ? QUrl::fromLocalFile(m_files.first()) : folderTarget();
}

QUrl ExportBar::folderTarget() const
{
    return m_files.isEmpty() ? QUrl() : QUrl::fromLocalFile(QFileInfo(m_files.first()).path());
}

QString ExportBar::text() const
{
    return m_label->text();
}
