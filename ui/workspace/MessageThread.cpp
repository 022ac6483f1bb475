#include "MessageThread.h"

#include "MessageDelegate.h"
#include "app/workspace/MessageListModel.h"

#include <QEvent>
#include <QListView>
#include <QScrollBar>
#include <QVBoxLayout>

MessageThread::MessageThread(QWidget *parent)
    : QWidget(parent)
    , m_delegate(new MessageDelegate(this))
    , m_list(new QListView(this))
{
    m_list->setItemDelegate(m_delegate);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setAccessibleName(tr("Conversation"));
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setWordWrap(true);
    m_list->viewport()->installEventFilter(this);
    setFocusProxy(m_list);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);

    connect(m_list->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        const QScrollBar *bar = m_list->verticalScrollBar();
        m_pinnedToEnd = value >= bar->maximum() - 4;
        if (value == bar->minimum() && m_messages && m_messages->canFetchOlder())
            m_messages->fetchOlder();
    });
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &index) {
        if (index.data(MessageListModel::DeliveryRole).toInt() ==
            static_cast<int>(MessageListModel::Delivery::Failed))
            Q_EMIT retryRequested(index.data(MessageListModel::ClientMsgIdRole).toString());
    });
}

void MessageThread::setModel(MessageListModel *messages)
{
    m_messages = messages;
    m_list->setModel(messages);
    if (!messages)
        return;
    connect(messages, &MessageListModel::newestLoaded, this, [this] {
        followEnd(true);
        showFocusedMessage();
    });
    connect(messages, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first) {
                if (first > 0) // at the end: new messages
                    followEnd(false);
            });
    connect(messages, &MessageListModel::olderLoaded, this, [this](int rows) {
        // Keep the entry the officer was looking at in place.
        if (rows > 0 && m_focusMessage == 0)
            m_list->scrollTo(m_messages->index(rows), QAbstractItemView::PositionAtTop);
        showFocusedMessage();
    });
}

void MessageThread::setDirectory(const Directory &directory)
{
    m_delegate->setDirectory(directory);
    m_list->viewport()->update();
}

void MessageThread::restart()
{
    if (m_focusMessage == 0)
        m_delegate->setHighlighted(0);
    m_pinnedToEnd = true;
    m_delegate->setWidth(m_list->viewport()->width());
}

void MessageThread::focusMessage(qint64 messageId)
{
    m_focusMessage = messageId;
    m_delegate->setHighlighted(messageId);
}

void MessageThread::followEnd(bool force)
{
    if (force || m_pinnedToEnd)
        m_list->scrollToBottom();
}

bool MessageThread::eventFilter(QObject *watched, QEvent *event)
{
    // Bubbles wrap to the viewport's width: lay them out again when it changes.
    if (watched == m_list->viewport() && event->type() == QEvent::Resize) {
        m_delegate->setWidth(m_list->viewport()->width());
        m_list->doItemsLayout();
    }
    return QWidget::eventFilter(watched, event);
}

void MessageThread::showFocusedMessage()
{
    if (m_focusMessage == 0 || !m_messages)
        return;
    const int row = m_messages->rowOfMessage(m_focusMessage);
    if (row >= 0) {
        m_focusMessage = 0;
        m_pinnedToEnd = false;
        m_list->scrollTo(m_messages->index(row), QAbstractItemView::PositionAtCenter);
        m_list->viewport()->update();
        return;
    }
    // Further back than what is loaded: load older pages until it is there.
    if (m_messages->canFetchOlder())
        m_messages->fetchOlder();
    else
        m_focusMessage = 0; // not in this conversation (any more)
}
