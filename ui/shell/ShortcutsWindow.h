#pragma once

#include <QDialog>

class QWidget;

// Every keyboard shortcut of the window it is opened for, read from its actions, its buttons'
// keys and what widgets declare they handle themselves, so the list can never disagree with
// what the keys do. The keys of the windows it owns (the reply scripts manager) are listed
// under their titles.
class ShortcutsWindow : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsWindow(QWidget *source, QWidget *parent = nullptr);
};
