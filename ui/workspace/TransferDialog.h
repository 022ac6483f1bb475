#pragma once

#include "app/workspace/Directory.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QRadioButton;

// Transfer a consultation to a colleague or to another department, with the reason the
// receiver will read (required).
struct TransferTarget;

class TransferDialog : public QDialog
{
    Q_OBJECT
public:
    TransferDialog(const Directory &directory, qint64 ownId, qint64 ownDepartmentId,
                   QWidget *parent = nullptr);

    bool toColleague() const;
    qint64 targetId() const; // a responder or a department
    QString reason() const;

private:
    // Where a target's name and pinyin initials are kept for the completer to match.
    static constexpr int searchKeyRole = Qt::UserRole + 1;
    static void fill(QComboBox *box, const QList<TransferTarget> &targets,
                     const QString &placeholder);
    void updateOk();

    QRadioButton *m_colleague;
    QRadioButton *m_department;
    QComboBox *m_colleagues;
    QComboBox *m_departments;
    QPlainTextEdit *m_reason;
    QLabel *m_count;
    QDialogButtonBox *m_buttons;
};

// Close a consultation with a summary of the answer given (kept in the record and shown to
// the representative).
class CloseDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CloseDialog(QWidget *parent = nullptr);
    QString summary() const;

private:
    QPlainTextEdit *m_summary;
    QDialogButtonBox *m_buttons;
};
