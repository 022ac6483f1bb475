#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

// A widget that handles a key itself (not through an action or a button's shortcut) says so,
// for the shortcuts window to list: {what it does, the key as shown}.
namespace KeyboardHelp {
constexpr const char *property = "keyboardHelp";

inline void declare(QWidget *widget, const QString &what, const QString &keys)
{
    widget->setProperty(property, QStringList{what, keys});
}
} // namespace KeyboardHelp
