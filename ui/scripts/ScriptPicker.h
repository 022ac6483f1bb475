#pragma once

#include <QFrame>

class QLabel;
class QLineEdit;
class QListView;
class ScriptLibrary;
class ScriptListModel;

// The quick-insert popup of the composer: a filter above the scripts, most used first. The
// keys stay in the filter: Up and Down choose a row, Enter inserts it, Esc closes. Each opening
// ends exactly once, with chosen() or cancelled() (a click elsewhere cancels too).
class ScriptPicker : public QFrame
{
    Q_OBJECT
public:
    explicit ScriptPicker(ScriptLibrary &library, QWidget *parent = nullptr);

    // Opens below the text cursor (`cursor`, in global coordinates), or above it when there
    // is no room below, and always on the cursor's screen.
    void popup(const QRect &cursor);
    QLineEdit *filterEdit() const { return m_filter; }
    QListView *list() const { return m_list; }
    ScriptListModel *model() const { return m_model; }
    // What the popup says instead of the list when there is nothing to show; empty otherwise.
    QString emptyText() const;

Q_SIGNALS:
    void chosen(const QString &clientId);
    void cancelled();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void choose(const QModelIndex &index);
    void showMatches();
    void place(const QRect &cursor);

    ScriptListModel *m_model;
    QLineEdit *m_filter;
    QListView *m_list;
    QLabel *m_empty;
    bool m_open = false; // between popup() and its outcome
};
