#pragma once

#include <QDialog>

class QWidget;

// Every keyboard shortcut of the window it is opened for, read from its actions, so the list
// can never disagree with what the keys do.
class ShortcutsWindow : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsWindow(QWidget *source, QWidget *parent = nullptr);
};
