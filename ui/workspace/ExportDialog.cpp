#include "ExportDialog.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

ExportDialog::ExportDialog(bool consultationOpen, QWidget *parent)
    : QDialog(parent)
    , m_open(new QRadioButton(tr("The &open consultation"), this))
    , m_list(new QRadioButton(tr("&Every consultation in the current list"), this))
    , m_csv(new QRadioButton(tr("A &table (CSV, for spreadsheets)"), this))
    , m_pdf(new QRadioButton(tr("A &PDF record per consultation, with the whole dialogue"), this))
{
    setWindowTitle(tr("Export records"));
    m_open->setEnabled(consultationOpen);
    m_csv->setChecked(true);
    auto *scope = new QButtonGroup(this);
    scope->addButton(m_open);
    scope->addButton(m_list);
    auto *formats = new QButtonGroup(this);
    formats->addButton(m_csv);
    formats->addButton(m_pdf);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_export = buttons->button(QDialogButtonBox::Ok);
    m_export->setText(tr("Export…"));
    m_export->setEnabled(false);
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(scope, &QButtonGroup::buttonToggled, m_export, [this] { m_export->setEnabled(true); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Which consultations:"), this));
    layout->addWidget(m_open);
    layout->addWidget(m_list);
    layout->addWidget(new QLabel(tr("As:"), this));
    layout->addWidget(m_csv);
    layout->addWidget(m_pdf);
    layout->addWidget(buttons);
}

bool ExportDialog::scopeChosen() const
{
    return m_open->isChecked() || m_list->isChecked();
}

bool ExportDialog::wholeList() const
{
    return m_list->isChecked();
}

ConsultationExport::Format ExportDialog::format() const
{
    return m_pdf->isChecked() ? ConsultationExport::Format::Pdf : ConsultationExport::Format::Csv;
}
