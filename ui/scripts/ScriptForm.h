#pragma once

#include "app/scripts/ReplyScript.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

// The editor of one script: title, category, tags, valid-until date, scope and text, with the
// known placeholders a menu away. A script the officer may not change is shown read-only, with
// what to do instead.
class ScriptForm : public QWidget
{
    Q_OBJECT
public:
    explicit ScriptForm(QWidget *parent = nullptr);

    // An empty clientId is a new script.
    void load(const ReplyScript &script, bool editable);
    // The loaded script with the form's values over it, as it would be saved.
    ReplyScript edited() const;
    const ReplyScript &loaded() const { return m_script; }
    bool isEditable() const { return m_editable; }
    bool isModified() const { return m_modified; }
    void setModified(bool modified);

    void setCategories(const QStringList &categories);
    // Only editors may write department scripts (the server decides; this does not offer it).
    void setDepartmentAllowed(bool allowed);
    void focusTitle();

    QLineEdit *titleEdit() const { return m_title; }
    QPlainTextEdit *bodyEdit() const { return m_body; }

Q_SIGNALS:
    void modifiedChanged(bool modified);

private:
    QWidget *buildPlaceholderButton();
    void updateCount();
    void markModified();

    ReplyScript m_script;
    bool m_editable = true;
    bool m_modified = false;
    bool m_loading = false;
    bool m_departmentAllowed = false;
    QLineEdit *m_title;
    QComboBox *m_category;
    QLineEdit *m_tags;
    QCheckBox *m_hasEnd;
    QDateEdit *m_validUntil;
    QComboBox *m_scope;
    QPlainTextEdit *m_body;
    QToolButton *m_insert;
    QLabel *m_count;
    QLabel *m_readOnlyNote;
};
