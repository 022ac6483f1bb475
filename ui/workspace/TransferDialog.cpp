#include "TransferDialog.h"

#include "app/workspace/TransferTargets.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
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
    // Nothing is chosen for the officer: a transfer goes where they pick, not where a list
    // happens to start. Typing filters (characters or pinyin initials).
    fill(m_colleagues, TransferTargets::colleagues(directory, ownId, ownDepartmentId),
         tr("Type a name or its initials…"));
    fill(m_departments, TransferTargets::departments(directory, ownDepartmentId, english),
         tr("Type a department or its initials…"));
    // The lists that drop down (and the filtered ones typing opens) are named as their box.
    for (QComboBox *box : {m_colleagues, m_departments}) {
        box->setAccessibleName(box == m_colleagues ? tr("Colleague") : tr("Department"));
        box->view()->setAccessibleName(box->accessibleName());
        box->completer()->popup()->setAccessibleName(box->accessibleName());
    }
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setPlaceholderText(tr("Why it goes there; the receiver reads this first."));
    m_reason->setTabChangesFocus(true);

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
    // Choosing a target chooses its kind.
    connect(m_colleagues, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            m_colleague->setChecked(true);
        updateOk();
    });
    connect(m_departments, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            m_department->setChecked(true);
        updateOk();
    });
    updateOk();
}

void TransferDialog::fill(QComboBox *box, const QList<TransferTarget> &targets,
                          const QString &placeholder)
{
    for (const TransferTarget &target : targets) {
        box->addItem(target.name, target.id);
        box->setItemData(box->count() - 1, target.searchKey, searchKeyRole);
    }
    box->setEditable(true);
    box->setInsertPolicy(QComboBox::NoInsert);
    box->lineEdit()->setPlaceholderText(placeholder);
    auto *completer = new QCompleter(box->model(), box);
    completer->setCompletionRole(searchKeyRole);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    box->setCompleter(completer);
    box->setCurrentIndex(-1);
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
    const bool chosen = m_colleague->isChecked() || m_department->isChecked();
    const bool target =
        chosen && (toColleague() ? m_colleagues : m_departments)->currentIndex() >= 0;
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
