#pragma once

#include "app/scripts/ReplyScript.h"

#include <QTimer>
#include <QWidget>
#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QStringListModel;
class QUndoStack;
class ScriptForm;
class ScriptLibrary;
class ScriptListModel;

// The officer's reply scripts, in a window of its own beside the workspace: categories on the
// left, the scripts of one (searchable, in the order the officer gives them) in the middle,
// the chosen one's editor on the right. Keyboard: Ctrl+N new, Ctrl+D duplicate, Del delete
// and Ctrl+Z undo it, Alt+Up / Alt+Down move, Ctrl+S save, Ctrl+F search, Ctrl+I import,
// Ctrl+E export.
class ScriptManager : public QWidget
{
    Q_OBJECT
public:
    explicit ScriptManager(ScriptLibrary &library, QWidget *parent = nullptr);

    void newScript();
    void duplicate();
    void deleteCurrent();
    void move(int direction); // -1 up, +1 down
    bool save();
    void importWithDialog();
    void exportWithDialog();
    // Without file dialogs; the import still reports in a dialog (or refuses in a warning).
    void importFile(const QString &fileName);
    bool exportTo(const QString &fileName, const QList<ReplyScript> &scripts);

    // The script in the editor; empty while a new one is written.
    QString currentClientId() const { return m_currentId; }
    void select(const QString &clientId);
    QString notice() const;
    ScriptListModel *model() const { return m_model; }
    QListView *list() const { return m_list; }
    ScriptForm *form() const { return m_form; }
    QUndoStack *undoStack() const { return m_undo; }

protected:
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *buildLists();
    QWidget *buildEditor();
    void buildActions();
    QAction *addShortcut(const QKeySequence &keys, const QString &name,
                         std::function<void()> action, QWidget *scope = nullptr);
    void onLibraryChanged();
    void refreshCategories();
    void showCategory(int row);
    void onCurrentRowChanged(const QModelIndex &current);
    void showScript(const QString &clientId);
    void reselect();
    void updateActions();
    bool mayLeaveEditor();
    void showNotice(const QString &text, bool warning = false);
    void offerUndo(const QString &title);

    ScriptLibrary &m_library;
    ScriptListModel *m_model;
    QStringListModel *m_categoryNames;
    QStringList m_categoryValues; // beside the names: null for "All scripts"
    QListView *m_categories;
    QLineEdit *m_search;
    QListView *m_list;
    ScriptForm *m_form;
    QPushButton *m_save;
    QLabel *m_notice;
    QPushButton *m_undoButton;
    QUndoStack *m_undo;
    QAction *m_duplicateAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_upAction = nullptr;
    QAction *m_downAction = nullptr;
    QTimer m_undoOffer;
    QString m_currentId;
    bool m_reselecting = false;
    bool m_writingNew = false; // the officer asked for an empty form (New), keep it empty
};
