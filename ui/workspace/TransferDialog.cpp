#include "TransferDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace {
constexpr int reasonLimit = 500;
constexpr int summaryLimit = 2000;
} // namespace

TransferDialog::TransferDialog(const Directory &directory, qint64 ownId, qint64 ownDepartmentId,
                               QWidget *parent)
    : QDialog(parent)
    , m_colleague(new QRadioButton(tr("To a &colleague:"), this))
    , m_department(new QRadioButton(tr("To another &department:"), this))
    , m_colleagues(new QComboBox(this))
    , m_departments(new QComboBox(this))
    , m_reason(new QPlainTextEdit(this))
    , m_count(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Transfer consultation"));
    setMinimumWidth(480);
    const bool english = QLocale().language() != QLocale::Chinese;
    QList<QPair<QString, qint64>> colleagues;
    for (auto it = directory.responders.cbegin(); it != directory.responders.cend(); ++it) {
        if (it.key() != ownId && it->departmentId == ownDepartmentId && it->active)
            colleagues.append({it->name, it.key()});
    }
    std::sort(colleagues.begin(), colleagues.end());
    for (const auto &[name, id] : colleagues)
        m_colleagues->addItem(name, id);
    QList<QPair<QString, qint64>> departments;
    for (auto it = directory.departments.cbegin(); it != directory.departments.cend(); ++it) {
        if (it.key() != ownDepartmentId)
            departments.append({directory.departmentName(it.key(), english), it.key()});
    }
    std::sort(departments.begin(), departments.end());
    for (const auto &[name, id] : departments)
        m_departments->addItem(name, id);
    m_colleagues->setAccessibleName(tr("Colleague"));
    m_departments->setAccessibleName(tr("Department"));
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setPlaceholderText(tr("Why it goes there; the receiver reads this first."));
    m_reason->setTabChangesFocus(true);
    m_colleague->setChecked(true);

    auto *form = new QFormLayout;
    form->addRow(m_colleague, m_colleagues);
    form->addRow(m_department, m_departments);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    auto *reasonLabel = new QLabel(tr("&Reason (required):"), this);
    reasonLabel->setBuddy(m_reason);
    layout->addWidget(reasonLabel);
    layout->addWidget(m_reason);
    layout->addWidget(m_count);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Transfer"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &TransferDialog::updateOk);
    connect(m_colleague, &QRadioButton::toggled, this, &TransferDialog::updateOk);
    connect(m_colleagues, &QComboBox::activated, m_colleague,
            [this] { m_colleague->setChecked(true); });
    connect(m_departments, &QComboBox::activated, m_department,
            [this] { m_department->setChecked(true); });
    updateOk();
}

bool TransferDialog::toColleague() const
{
    return m_colleague->isChecked();
}

qint64 TransferDialog::targetId() const
{
    return (toColleague() ? m_colleagues : m_departments)->currentData().toLongLong();
}

QString TransferDialog::reason() const
{
    return m_reason->toPlainText().trimmed();
}

void TransferDialog::updateOk()
{
    const int length = static_cast<int>(reason().size());
    m_count->setText(tr("%1 / %2 characters").arg(length).arg(reasonLimit));
    const bool target = (toColleague() ? m_colleagues : m_departments)->count() > 0;
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(target && length > 0 && length <= reasonLimit);
}

CloseDialog::CloseDialog(QWidget *parent)
    : QDialog(parent)
    , m_summary(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Close consultation"));
    setMinimumWidth(480);
    auto *label = new QLabel(tr("&Summary of the answer (kept in the record):"), this);
    label->setBuddy(m_summary);
    m_summary->setAccessibleName(tr("Summary"));
    m_summary->setTabChangesFocus(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("C&lose consultation"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto update = [this] {
        const auto length = summary().size();
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(length > 0 && length <= summaryLimit);
    };
    connect(m_summary, &QPlainTextEdit::textChanged, this, update);
    update();
}

QString CloseDialog::summary() const
{
    return m_summary->toPlainText().trimmed();
}
