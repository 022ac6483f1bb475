#pragma once

#include "app/workspace/Directory.h"

#include <QWidget>

class MessageDelegate;
class MessageListModel;
class QListView;

// The dialogue of an open consultation: its messages as bubbles, following the newest while the
// officer is at the end, loading older pages when scrolled to the top, and bringing a message
// (a search hit) into view, marked.
class MessageThread : public QWidget
{
    Q_OBJECT
public:
    explicit MessageThread(QWidget *parent = nullptr);

    void setModel(MessageListModel *messages);
    void setDirectory(const Directory &directory);
    // A new consultation is shown: follow its end, unless a message is to be brought into view.
    void restart();
    // Marks this message, to be brought into view once its consultation is loaded.
    void focusMessage(qint64 messageId);
    // Brings the marked message into view, loading older pages until it can be shown.
    void showFocusedMessage();
    // Follow the end: the officer's own reply is about to appear.
    void pinToEnd() { m_pinnedToEnd = true; }
    void followEnd(bool force);

    QListView *list() const { return m_list; }
    MessageDelegate *delegate() const { return m_delegate; }

Q_SIGNALS:
    // A reply that failed was clicked: the officer wants it tried again.
    void retryRequested(const QString &clientMsgId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    MessageListModel *m_messages = nullptr;
    MessageDelegate *m_delegate;
    QListView *m_list;
    bool m_pinnedToEnd = true;
    qint64 m_focusMessage = 0;
};
