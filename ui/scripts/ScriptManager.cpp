#include "ScriptManager.h"

#include "DeleteScriptCommand.h"
#include "ImportReport.h"
#include "ScriptDelegate.h"
#include "ScriptForm.h"
#include "app/scripts/ScriptLibrary.h"
#include "app/scripts/ScriptListModel.h"
#include "app/scripts/ScriptTransfer.h"
#include "ui/common/StatusColours.h"

#include <QAction>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QShowEvent>
#include <QSplitter>
#include <QStandardPaths>
#include <QStringListModel>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>

namespace {
constexpr int undoOfferMs = 15000;

QWidget *pane(QWidget *parent, const QList<QPair<QString, QWidget *>> &rows)
{
    auto *widget = new QWidget(parent);
    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    for (const auto &[text, buddy] : rows) {
        auto *label = new QLabel(text, widget);
        label->setBuddy(buddy);
        layout->addWidget(label);
        layout->addWidget(buddy, qobject_cast<QListView *>(buddy) ? 1 : 0);
    }
    return widget;
}

// What the officer sees in the editor; a change of usage alone does not reload it.
bool sameContent(const ReplyScript &a, const ReplyScript &b)
{
    return a.clientId == b.clientId && a.revision == b.revision && a.title == b.title &&
           a.body == b.body && a.category == b.category && a.tags == b.tags &&
           a.validUntil == b.validUntil && a.scope == b.scope;
}
} // namespace

ScriptManager::ScriptManager(ScriptLibrary &library, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_library(library)
    , m_model(new ScriptListModel(library, ScriptListModel::Order::Manual, this))
    , m_categoryNames(new QStringListModel(this))
    , m_categories(new QListView(this))
    , m_search(new QLineEdit(this))
    , m_list(new QListView(this))
    , m_form(new ScriptForm(this))
    , m_save(new QPushButton(tr("&Save"), this))
    , m_notice(new QLabel(this))
    , m_undoButton(new QPushButton(tr("&Undo"), this))
    , m_undo(new QUndoStack(this))
{
    setWindowTitle(tr("Reply scripts"));
    resize(1080, 640);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(buildLists());
    splitter->addWidget(buildEditor());
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({380, 700});
    auto *layout = new QVBoxLayout(this);
    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    layout->addWidget(toolbar);
    layout->addWidget(splitter, 1);
    buildActions();
    toolbar->addActions(actions());

    connect(&m_library, &ScriptLibrary::changed, this, &ScriptManager::onLibraryChanged);
    connect(&m_library, &ScriptLibrary::notice, this,
            [this](const QString &message) { showNotice(message, true); });
    connect(m_model, &QAbstractItemModel::modelReset, this, &ScriptManager::reselect);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &ScriptManager::reselect);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ScriptManager::reselect);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ScriptManager::reselect);
    connect(m_form, &ScriptForm::modifiedChanged, this, &ScriptManager::updateActions);
    connect(m_save, &QPushButton::clicked, this, &ScriptManager::save);
    connect(m_undoButton, &QPushButton::clicked, m_undo, &QUndoStack::undo);
    m_undoOffer.setSingleShot(true);
    m_undoOffer.setInterval(undoOfferMs);
    connect(&m_undoOffer, &QTimer::timeout, this, [this] {
        m_undoButton->hide();
        m_notice->hide();
    });

    refreshCategories();
    m_form->setDepartmentAllowed(m_library.isEditor());
    showScript(m_model->rowCount() > 0 ? m_model->scriptAt(0).clientId : QString());
    reselect();
}

QWidget *ScriptManager::buildLists()
{
    m_categories->setModel(m_categoryNames);
    m_categories->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_categories->setAccessibleName(tr("Categories"));
    connect(m_categories->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showCategory(current.row()); });
    m_search->setPlaceholderText(tr("Search words or pinyin initials"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search scripts"));
    connect(m_search, &QLineEdit::textChanged, m_model, &ScriptListModel::setFilter);
    m_list->setModel(m_model);
    m_list->setItemDelegate(new ScriptDelegate(ScriptDelegate::Detail::Bookkeeping, m_list));
    m_list->setAccessibleName(tr("Scripts"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ScriptManager::onCurrentRowChanged);

    auto *lists = new QSplitter(this);
    lists->addWidget(pane(lists, {{tr("C&ategories:"), m_categories}}));
    lists->addWidget(pane(lists, {{tr("&Find:"), m_search}, {tr("Scr&ipts:"), m_list}}));
    lists->setStretchFactor(0, 1);
    lists->setStretchFactor(1, 2);
    lists->setChildrenCollapsible(false);
    return lists;
}

QWidget *ScriptManager::buildEditor()
{
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->hide();
    m_undoButton->setToolTip(tr("Bring the deleted script back (Ctrl+Z)"));
    m_undoButton->hide();
    m_save->setToolTip(tr("Save the script (Ctrl+S)"));
    auto *noticeRow = new QHBoxLayout;
    noticeRow->addWidget(m_notice, 1);
    noticeRow->addWidget(m_undoButton);
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    saveRow->addWidget(m_save);
    auto *editor = new QWidget(this);
    auto *layout = new QVBoxLayout(editor);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_form, 1);
    layout->addLayout(noticeRow);
    layout->addLayout(saveRow);
    return editor;
}

void ScriptManager::buildActions()
{
    addShortcut(QKeySequence::New, tr("&New script"), [this] { newScript(); });
    m_duplicateAction = addShortcut(QKeySequence(Qt::CTRL | Qt::Key_D), tr("D&uplicate script"),
                                    [this] { duplicate(); });
    // Del, Alt+Up and Alt+Down belong to the fields of the form (deleting text, opening a
    // list): they act on scripts only while the list has the focus.
    m_deleteAction = addShortcut(
        QKeySequence::Delete, tr("&Delete script"), [this] { deleteCurrent(); }, m_list);
    QAction *undo = addShortcut(QKeySequence::Undo, tr("Undo delete"), [this] { m_undo->undo(); });
    undo->setEnabled(false);
    connect(m_undo, &QUndoStack::canUndoChanged, undo, &QAction::setEnabled);
    m_upAction = addShortcut(
        QKeySequence(Qt::ALT | Qt::Key_Up), tr("Move script &up"), [this] { move(-1); }, m_list);
    m_downAction = addShortcut(
        QKeySequence(Qt::ALT | Qt::Key_Down), tr("Move script d&own"), [this] { move(1); }, m_list);
    addShortcut(QKeySequence(Qt::CTRL | Qt::Key_I), tr("&Import scripts…"),
                [this] { importWithDialog(); });
    addShortcut(QKeySequence(Qt::CTRL | Qt::Key_E), tr("&Export scripts…"),
                [this] { exportWithDialog(); });
    // Not on the toolbar: the button and the search field are in plain sight.
    auto *saveAction = new QAction(tr("Save script"), m_save);
    saveAction->setShortcut(QKeySequence::Save);
    connect(saveAction, &QAction::triggered, this, [this] {
        if (m_save->isEnabled())
            save();
    });
    m_save->addAction(saveAction);
    saveAction->setShortcutContext(Qt::WindowShortcut);
    auto *find = new QAction(tr("Search scripts"), m_search);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    m_search->addAction(find);
    find->setShortcutContext(Qt::WindowShortcut);
    auto *closeAction = new QAction(tr("Close reply scripts"), m_list);
    closeAction->setShortcuts({QKeySequence::Close, QKeySequence(Qt::Key_Escape)});
    connect(closeAction, &QAction::triggered, this, &QWidget::close);
    m_list->addAction(closeAction);
    closeAction->setShortcutContext(Qt::WindowShortcut);
}

// On the toolbar (it lists this window's actions); `scope`: only while it has the focus.
QAction *ScriptManager::addShortcut(const QKeySequence &keys, const QString &name,
                                    std::function<void()> action, QWidget *scope)
{
    auto *shortcut = new QAction(name, this);
    shortcut->setShortcut(keys);
    shortcut->setShortcutContext(scope ? Qt::WidgetWithChildrenShortcut : Qt::WindowShortcut);
    shortcut->setToolTip(QStringLiteral("%1 (%2)").arg(QString(name).remove(u'&'),
                                                       keys.toString(QKeySequence::NativeText)));
    connect(shortcut, &QAction::triggered, this, std::move(action));
    addAction(shortcut);
    if (scope)
        scope->addAction(shortcut);
    return shortcut;
}

void ScriptManager::onLibraryChanged()
{
    refreshCategories();
    m_form->setDepartmentAllowed(m_library.isEditor());
    // Edits in progress are never overwritten; what changed underneath shows when they end.
    // Opened before the scripts had arrived from the cache: show the first as soon as there is one.
    if (!m_form->isModified() && m_currentId.isEmpty() && !m_writingNew && m_model->rowCount() > 0)
        showScript(m_model->scriptAt(0).clientId);
    if (!m_form->isModified() && !m_currentId.isEmpty()) {
        const auto script = m_library.find(m_currentId);
        if (!script)
            showScript(QString());
        else if (!sameContent(*script, m_form->loaded()) ||
                 m_library.canEdit(*script) != m_form->isEditable())
            showScript(m_currentId);
    }
    reselect();
}

void ScriptManager::refreshCategories()
{
    const int shownRow = m_categories->currentIndex().row();
    const QString shown = shownRow > 0 ? m_categoryValues.value(shownRow) : QString();
    QStringList categories = m_library.categories();
    const QList<ReplyScript> scripts = m_library.scripts();
    const bool uncategorised =
        std::any_of(scripts.cbegin(), scripts.cend(),
                    [](const ReplyScript &s) { return s.category.isEmpty(); });
    if (uncategorised && !categories.contains(QString()))
        categories << QString();
    QStringList names{tr("All scripts")};
    for (const QString &category : categories)
        names << (category.isEmpty() ? tr("Uncategorised") : category);
    if (names == m_categoryNames->stringList())
        return;
    m_categoryValues = QStringList{QString()} + categories;
    m_categoryNames->setStringList(names);
    const int row = shownRow > 0 ? std::max(0, int(m_categoryValues.indexOf(shown, 1))) : 0;
    m_categories->setCurrentIndex(m_categoryNames->index(row));
    m_form->setCategories(categories);
}

void ScriptManager::showCategory(int row)
{
    if (row <= 0)
        return m_model->setCategory(QString()); // null: every category
    const QString category = m_categoryValues.value(row);
    // Empty but not null: the scripts without a category.
    m_model->setCategory(category.isEmpty() ? QStringLiteral("") : category);
}

void ScriptManager::onCurrentRowChanged(const QModelIndex &current)
{
    if (m_reselecting || !current.isValid())
        return;
    const QString clientId = current.data(ScriptListModel::ClientIdRole).toString();
    if (clientId == m_currentId)
        return;
    if (!mayLeaveEditor()) {
        // Back to the script being edited, once the view has finished changing rows.
        QTimer::singleShot(0, this, &ScriptManager::reselect);
        return;
    }
    showScript(clientId);
}

void ScriptManager::select(const QString &clientId)
{
    if (clientId != m_currentId && !mayLeaveEditor())
        return;
    showScript(clientId);
    reselect();
}

// Into the editor: the script of that name, or an empty form for a new one.
void ScriptManager::showScript(const QString &clientId)
{
    const auto script = clientId.isEmpty() ? std::nullopt : m_library.find(clientId);
    m_currentId = script ? clientId : QString();
    m_writingNew = false;
    if (script)
        m_form->load(*script, m_library.canEdit(*script));
    else
        m_form->load({}, true);
    updateActions();
}

// The list follows the editor: after a refresh, a search or a change of category the same
// script stays selected (or none, when it is not among those shown).
void ScriptManager::reselect()
{
    m_reselecting = true;
    const int row = m_currentId.isEmpty() ? -1 : m_model->rowOf(m_currentId);
    if (row >= 0) {
        m_list->setCurrentIndex(m_model->index(row));
        m_list->scrollTo(m_model->index(row));
    } else {
        m_list->selectionModel()->clear();
    }
    m_reselecting = false;
    updateActions();
}

void ScriptManager::updateActions()
{
    const bool existing = !m_currentId.isEmpty();
    const bool editable = m_form->isEditable();
    m_duplicateAction->setEnabled(existing);
    m_deleteAction->setEnabled(existing && editable);
    m_upAction->setEnabled(existing && editable);
    m_downAction->setEnabled(existing && editable);
    m_save->setEnabled(editable && m_form->isModified());
}

void ScriptManager::newScript()
{
    if (!mayLeaveEditor())
        return;
    showScript(QString());
    m_writingNew = true;
    const int row = m_categories->currentIndex().row();
    if (row > 0) { // written into the category on screen
        ReplyScript blank;
        blank.category = m_categoryValues.value(row);
        m_form->load(blank, true);
    }
    reselect();
    m_form->focusTitle();
}

void ScriptManager::duplicate()
{
    if (m_currentId.isEmpty() || !mayLeaveEditor())
        return;
    const auto copy = m_library.duplicate(m_currentId);
    if (!copy)
        return showNotice(copy.error(), true);
    showScript(copy->clientId);
    reselect();
    m_form->focusTitle();
}

bool ScriptManager::save()
{
    if (!m_form->isEditable())
        return false;
    ReplyScript script = m_form->edited();
    // Moved meanwhile (Alt+Up / Alt+Down): the form does not hold the order, so keep the
    // library's.
    if (const auto current = m_library.find(script.clientId))
        script.position = current->position;
    const auto saved = m_library.save(script);
    if (!saved) {
        showNotice(saved.error(), true);
        return false;
    }
    showScript(saved->clientId);
    reselect();
    showNotice(tr("Saved “%1”.").arg(saved->title));
    return true;
}

void ScriptManager::deleteCurrent()
{
    if (m_currentId.isEmpty() || !m_form->isEditable())
        return;
    const int row = m_model->rowOf(m_currentId);
    const auto removed = m_library.remove(m_currentId);
    if (!removed)
        return showNotice(removed.error(), true);
    m_form->setModified(false); // its edits went with it
    // The next script takes its place in the editor, as in the list.
    const int next = std::min(row, m_model->rowCount() - 1);
    showScript(next >= 0 ? m_model->scriptAt(next).clientId : QString());
    reselect();
    m_undo->push(new DeleteScriptCommand(
        m_library, *removed,
        [this](const ReplyScript &restored) {
            select(restored.clientId);
            showNotice(tr("Restored “%1”.").arg(restored.title));
        },
        [this](const QString &error) { showNotice(error, true); }));
    offerUndo(removed->title);
}

void ScriptManager::move(int direction)
{
    const int row = m_currentId.isEmpty() ? -1 : m_model->rowOf(m_currentId);
    if (row < 0)
        return;
    const QString category = m_model->scriptAt(row).category;
    auto sameCategory = [&](int other) {
        return other >= 0 && other < m_model->rowCount() &&
               m_model->scriptAt(other).category == category;
    };
    // Up: before the one above. Down: before the one after the next, or to the end.
    const int target = direction < 0 ? row - 1 : row + 1;
    if (!sameCategory(target))
        return;
    const int before = direction < 0 ? target : target + 1;
    const QString beforeId = sameCategory(before) ? m_model->scriptAt(before).clientId : QString();
    const auto moved = m_library.moveBefore(m_currentId, beforeId);
    if (!moved)
        return showNotice(moved.error(), true);
    reselect();
}

void ScriptManager::importWithDialog()
{
    const QString fileName = QFileDialog::getOpenFileName(
        this, tr("Import reply scripts"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        tr("Reply scripts (*.json *.csv);;JSON (*.json);;CSV table (*.csv)"));
    if (!fileName.isEmpty())
        importFile(fileName);
}

void ScriptManager::importFile(const QString &fileName)
{
    const auto result = ScriptTransfer::importFile(fileName);
    if (!result) {
        QMessageBox::warning(this, tr("Import reply scripts"), result.error());
        return;
    }
    const ScriptLibrary::ImportOutcome outcome = m_library.importAll(*result);
    showNotice(tr("Imported %1 scripts from %2.")
                   .arg(QLocale().toString(outcome.imported), QFileInfo(fileName).fileName()));
    ImportReport(fileName, outcome.imported, outcome.rejected, this).exec();
}

void ScriptManager::exportWithDialog()
{
    QList<ReplyScript> scripts = m_library.scripts();
    const int shown = m_model->rowCount();
    if (shown < scripts.size()) {
        QMessageBox ask(QMessageBox::Question, tr("Export reply scripts"),
                        tr("Export only the scripts shown, or all of them?"), QMessageBox::Cancel,
                        this);
        QPushButton *onlyShown = ask.addButton(tr("The %1 &shown").arg(QLocale().toString(shown)),
                                               QMessageBox::AcceptRole);
        QPushButton *all = ask.addButton(tr("&All %1").arg(QLocale().toString(scripts.size())),
                                         QMessageBox::AcceptRole);
        ask.button(QMessageBox::Cancel)->setText(tr("Cancel"));
        ask.setDefaultButton(all);
        ask.exec();
        if (ask.clickedButton() == onlyShown) {
            scripts.clear();
            for (int row = 0; row < shown; ++row)
                scripts << m_model->scriptAt(row);
        } else if (ask.clickedButton() != all) {
            return;
        }
    }
    const QString json = tr("JSON (*.json)");
    const QString csv = tr("CSV table (*.csv)");
    QString chosenFilter = json;
    QString fileName = QFileDialog::getSaveFileName(
        this, tr("Export reply scripts"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
            QStringLiteral("/reply-scripts.json"),
        json + QStringLiteral(";;") + csv, &chosenFilter);
    if (fileName.isEmpty())
        return;
    if (QFileInfo(fileName).suffix().isEmpty())
        fileName += chosenFilter == csv ? QStringLiteral(".csv") : QStringLiteral(".json");
    exportTo(fileName, scripts);
}

bool ScriptManager::exportTo(const QString &fileName, const QList<ReplyScript> &scripts)
{
    const auto written = ScriptTransfer::exportFile(fileName, scripts);
    if (!written) {
        showNotice(tr("The scripts could not be exported: %1").arg(written.error()), true);
        return false;
    }
    showNotice(tr("Exported %1 scripts to %2.")
                   .arg(QLocale().toString(scripts.size()), QFileInfo(fileName).fileName()));
    return true;
}

bool ScriptManager::mayLeaveEditor()
{
    if (!m_form->isModified())
        return true;
    const QString title = m_form->edited().title;
    QMessageBox ask(QMessageBox::Question, tr("Reply scripts"),
                    title.isEmpty() ? tr("Save the new script?")
                                    : tr("Save the changes to “%1”?").arg(title),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    ask.button(QMessageBox::Save)->setText(tr("&Save"));
    ask.button(QMessageBox::Discard)->setText(tr("&Discard"));
    ask.button(QMessageBox::Cancel)->setText(tr("Cancel"));
    switch (ask.exec()) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        m_form->setModified(false);
        return true;
    default:
        return false;
    }
}

void ScriptManager::showEvent(QShowEvent *event)
{
    m_model->prepareSearch();
    QWidget::showEvent(event);
}

void ScriptManager::closeEvent(QCloseEvent *event)
{
    if (!mayLeaveEditor())
        return event->ignore();
    showScript(m_currentId); // what was discarded does not come back with the window
    QWidget::closeEvent(event);
}

QString ScriptManager::notice() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

void ScriptManager::showNotice(const QString &text, bool warning)
{
    QPalette palette = this->palette();
    if (warning)
        palette.setColor(QPalette::WindowText,
                         StatusColours::of(StatusColours::Meaning::Error, palette));
    m_notice->setPalette(palette);
    m_notice->setText(text);
    m_notice->show();
    m_undoButton->hide();
    m_undoOffer.stop();
}

void ScriptManager::offerUndo(const QString &title)
{
    showNotice(tr("Deleted “%1”.").arg(title));
    m_undoButton->show();
    m_undoOffer.start();
}
