#include "ScriptForm.h"

#include "app/scripts/ReplyScript.h"

#include "app/scripts/ScriptPlaceholders.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPalette>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
constexpr int departmentRow = 0;

QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

// Commas as typed on either keyboard: ASCII, full-width, and the enumeration comma.
QStringList splitTags(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,，、]"));
    QStringList tags;
    for (const QString &tag : text.split(separators, Qt::SkipEmptyParts)) {
        const QString trimmed = tag.trimmed();
        if (!trimmed.isEmpty() && !tags.contains(trimmed))
            tags << trimmed;
    }
    return tags;
}
} // namespace

ScriptForm::ScriptForm(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLineEdit(this))
    , m_category(new QComboBox(this))
    , m_tags(new QLineEdit(this))
    , m_hasEnd(new QCheckBox(tr("&Valid until"), this))
    , m_validUntil(new QDateEdit(this))
    , m_scope(new QComboBox(this))
    , m_body(new QPlainTextEdit(this))
    , m_insert(new QToolButton(this))
    , m_count(new QLabel(this))
    , m_readOnlyNote(new QLabel(tr("Department scripts can be changed by editors. Duplicate it "
                                   "to make a personal copy."),
                                this))
{
    m_title->setAccessibleName(tr("Title"));
    m_category->setAccessibleName(tr("Category"));
    m_tags->setAccessibleName(tr("Tags"));
    m_scope->setAccessibleName(tr("Scope"));
    m_body->setAccessibleName(tr("Text"));
    m_title->setMaxLength(ReplyScript::maxTitleChars);
    m_category->setEditable(true);
    m_category->setInsertPolicy(QComboBox::NoInsert);
    m_category->lineEdit()->setMaxLength(ReplyScript::maxCategoryChars);
    m_category->lineEdit()->setPlaceholderText(tr("Uncategorised"));
    m_tags->setPlaceholderText(tr("separate with commas"));
    m_validUntil->setCalendarPopup(true);
    m_validUntil->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_validUntil->setAccessibleName(tr("Valid until"));
    m_scope->addItem(tr("Department"), int(ReplyScript::Scope::Department));
    m_scope->addItem(tr("Personal"), int(ReplyScript::Scope::Personal));
    m_body->setTabChangesFocus(true);
    m_readOnlyNote->setWordWrap(true);
    m_readOnlyNote->hide();

    auto *validity = new QHBoxLayout;
    validity->addWidget(m_hasEnd);
    validity->addWidget(m_validUntil, 1);
    auto *bodyTools = new QHBoxLayout;
    bodyTools->addWidget(buildPlaceholderButton());
    bodyTools->addStretch(1);
    bodyTools->addWidget(m_count);
    auto *form = new QFormLayout;
    form->addRow(buddyLabel(tr("&Title:"), m_title, this), m_title);
    form->addRow(buddyLabel(tr("&Category:"), m_category, this), m_category);
    form->addRow(buddyLabel(tr("Ta&gs:"), m_tags, this), m_tags);
    form->addRow(validity);
    form->addRow(buddyLabel(tr("Sc&ope:"), m_scope, this), m_scope);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_readOnlyNote);
    layout->addLayout(form);
    layout->addWidget(buddyLabel(tr("Te&xt:"), m_body, this));
    layout->addWidget(m_body, 1);
    layout->addLayout(bodyTools);

    connect(m_title, &QLineEdit::textEdited, this, &ScriptForm::markModified);
    connect(m_category, &QComboBox::editTextChanged, this, &ScriptForm::markModified);
    connect(m_tags, &QLineEdit::textEdited, this, &ScriptForm::markModified);
    connect(m_hasEnd, &QCheckBox::toggled, this, [this](bool on) {
        m_validUntil->setEnabled(on && m_editable);
        markModified();
    });
    connect(m_validUntil, &QDateEdit::dateChanged, this, &ScriptForm::markModified);
    connect(m_scope, &QComboBox::currentIndexChanged, this, &ScriptForm::markModified);
    connect(m_body, &QPlainTextEdit::textChanged, this, [this] {
        updateCount();
        markModified();
    });
    load({}, true);
}

QWidget *ScriptForm::buildPlaceholderButton()
{
    m_insert->setText(tr("Insert &placeholder"));
    m_insert->setToolTip(tr("Filled in with the consultation's details when the script is used"));
    m_insert->setPopupMode(QToolButton::InstantPopup);
    m_insert->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_insert->setFocusPolicy(Qt::StrongFocus); // reachable with Tab, like the fields
    auto *menu = new QMenu(m_insert);
    for (const ScriptPlaceholders::Placeholder &placeholder : ScriptPlaceholders::known()) {
        const QString written = QLatin1Char('{') + placeholder.chinese + QLatin1Char('}');
        QAction *action = menu->addAction(tr("%1 — %2").arg(written, placeholder.description));
        connect(action, &QAction::triggered, this, [this, written] {
            m_body->insertPlainText(written);
            m_body->setFocus();
        });
    }
    m_insert->setMenu(menu);
    return m_insert;
}

void ScriptForm::load(const ReplyScript &script, bool editable)
{
    m_loading = true;
    m_script = script;
    m_editable = editable;
    m_title->setText(script.title);
    m_category->setEditText(script.category);
    m_tags->setText(script.tags.join(QStringLiteral(", ")));
    m_hasEnd->setChecked(script.validUntil.isValid());
    m_validUntil->setDate(script.validUntil.isValid() ? script.validUntil
                                                      : QDate::currentDate().addYears(1));
    m_scope->setCurrentIndex(m_scope->findData(int(script.scope)));
    m_body->setPlainText(script.body);
    for (QLineEdit *edit : {m_title, m_tags})
        edit->setReadOnly(!editable);
    m_body->setReadOnly(!editable);
    // Read-only fields drawn on the window's background, like text on a page: a white field
    // that ignores typing looks broken.
    for (QWidget *field : {static_cast<QWidget *>(m_title), static_cast<QWidget *>(m_tags),
                           static_cast<QWidget *>(m_body)}) {
        QPalette colours = palette();
        if (!editable)
            colours.setColor(QPalette::Base, colours.color(QPalette::Window));
        field->setPalette(colours);
    }
    for (QWidget *widget : {static_cast<QWidget *>(m_category), static_cast<QWidget *>(m_hasEnd),
                            static_cast<QWidget *>(m_scope), static_cast<QWidget *>(m_insert)})
        widget->setEnabled(editable);
    m_validUntil->setEnabled(editable && m_hasEnd->isChecked());
    m_readOnlyNote->setVisible(!editable);
    setDepartmentAllowed(m_departmentAllowed);
    updateCount();
    m_loading = false;
    setModified(false);
}

ReplyScript ScriptForm::edited() const
{
    ReplyScript script = m_script;
    script.title = m_title->text().trimmed();
    script.category = m_category->currentText().trimmed();
    script.tags = splitTags(m_tags->text());
    script.validUntil = m_hasEnd->isChecked() ? m_validUntil->date() : QDate();
    script.scope = static_cast<ReplyScript::Scope>(m_scope->currentData().toInt());
    script.body = m_body->toPlainText();
    return script;
}

void ScriptForm::setModified(bool modified)
{
    if (modified == m_modified)
        return;
    m_modified = modified;
    Q_EMIT modifiedChanged(modified);
}

void ScriptForm::markModified()
{
    if (!m_loading)
        setModified(true);
}

void ScriptForm::setCategories(const QStringList &categories)
{
    const bool wasLoading = m_loading;
    m_loading = true; // refilling the list is not an edit
    const QString typed = m_category->currentText();
    m_category->clear();
    for (const QString &category : categories) {
        if (!category.isEmpty())
            m_category->addItem(category);
    }
    m_category->setEditText(typed);
    m_loading = wasLoading;
}

void ScriptForm::setDepartmentAllowed(bool allowed)
{
    m_departmentAllowed = allowed;
    auto *items = qobject_cast<QStandardItemModel *>(m_scope->model());
    // An editor's own department script stays selectable even if the rights went meanwhile, so
    // that the form shows what the script is.
    items->item(departmentRow)->setEnabled(allowed || m_script.isDepartment());
    m_scope->setToolTip(allowed ? QString() : tr("Only editors can write department scripts"));
}

void ScriptForm::focusTitle()
{
    m_title->setFocus();
    m_title->selectAll();
}

void ScriptForm::updateCount()
{
    const int length = static_cast<int>(m_body->toPlainText().size());
    m_count->setText(
        tr("%1 / %2 characters")
            .arg(QLocale().toString(length), QLocale().toString(ReplyScript::maxBodyChars)));
}
