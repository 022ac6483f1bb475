#include "ShortcutsWindow.h"

#include "ui/common/KeyboardHelp.h"

#include <QAbstractButton>
#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

struct Row
{
    QString section; // empty: the window the list is opened for
    QString name;
    QString keys;
};

// "认领(&C)" → "认领", "&Claim" → "Claim", "Transfer…" → "Transfer": what the key does, without
// the menu's mnemonic (which Chinese menus write in brackets) or its "more to come" dots.
QString plainName(QString text)
{
    static const QRegularExpression bracketed(QStringLiteral("\\s*\\(&.\\)"));
    text.remove(bracketed);
    text.remove(u'&');
    text.remove(QStringLiteral("…"));
    return text.trimmed();
}

QString sectionOf(const QObject *owner, const QWidget *source)
{
    const auto *widget = qobject_cast<const QWidget *>(owner);
    if (!widget || widget->window() == source->window())
        return {};
    return widget->window()->windowTitle();
}

} // namespace

ShortcutsWindow::ShortcutsWindow(QWidget *source, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Keyboard shortcuts"));
    QList<Row> rows;
    for (QAction *action : source->findChildren<QAction *>()) {
        if (!action->shortcut().isEmpty() && action->isVisible())
            rows.append({sectionOf(action->parent(), source), plainName(action->text()),
                         action->shortcut().toString(QKeySequence::NativeText)});
    }
    // Buttons with a key of their own (Voice: Ctrl+Shift+V), named as they are read out.
    for (QAbstractButton *button : source->findChildren<QAbstractButton *>()) {
        if (button->shortcut().isEmpty())
            continue;
        const QString name =
            button->accessibleName().isEmpty() ? button->text() : button->accessibleName();
        rows.append({sectionOf(button, source), plainName(name),
                     button->shortcut().toString(QKeySequence::NativeText)});
    }
    // Keys a widget handles itself (Space on a voice message) say so in a property.
    for (QWidget *widget : source->findChildren<QWidget *>()) {
        const QStringList help = widget->property(KeyboardHelp::property).toStringList();
        if (help.size() == 2)
            rows.append({sectionOf(widget, source), help.at(0), help.at(1)});
    }
    // This window's keys first, then each other window's under its title; a key once per window.
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        return std::tie(a.section, a.name) < std::tie(b.section, b.name);
    });
    QList<Row> shown;
    for (const Row &row : std::as_const(rows)) {
        const bool seen = std::any_of(shown.cbegin(), shown.cend(), [&row](const Row &s) {
            return s.section == row.section && s.keys == row.keys;
        });
        if (!seen)
            shown.append(row);
    }

    auto *table = new QTableWidget(0, 2, this);
    table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setAccessibleName(tr("Keyboard shortcuts"));
    QString section;
    for (const Row &row : std::as_const(shown)) {
        if (row.section != section) {
            section = row.section;
            const int at = table->rowCount();
            table->insertRow(at);
            auto *title = new QTableWidgetItem(tr("In “%1”").arg(section));
            QFont bold = title->font();
            bold.setBold(true);
            title->setFont(bold);
            table->setItem(at, 0, title);
            table->setSpan(at, 0, 1, 2);
        }
        const int at = table->rowCount();
        table->insertRow(at);
        table->setItem(at, 0, new QTableWidgetItem(row.name));
        table->setItem(at, 1, new QTableWidgetItem(row.keys));
    }
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(460, 480);
}
