#include "ScriptPicker.h"

#include "ScriptDelegate.h"
#include "app/scripts/ScriptListModel.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScreen>
#include <QVBoxLayout>

namespace {
const QSize popupSize(420, 320);
constexpr int cursorGap = 2;
} // namespace

ScriptPicker::ScriptPicker(ScriptLibrary &library, QWidget *parent)
    : QFrame(parent, Qt::Popup)
    , m_model(new ScriptListModel(library, ScriptListModel::Order::ByUse, this))
    , m_filter(new QLineEdit(this))
    , m_list(new QListView(this))
    , m_empty(new QLabel(this))
{
    setFrameStyle(QFrame::StyledPanel | QFrame::Plain);
    setAccessibleName(tr("Insert reply script"));
    m_filter->setPlaceholderText(tr("Filter scripts; Enter inserts, Esc closes"));
    m_filter->setAccessibleName(tr("Filter scripts"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);
    m_list->setModel(m_model);
    m_list->setItemDelegate(new ScriptDelegate(ScriptDelegate::Detail::Content, m_list));
    m_list->setAccessibleName(tr("Reply scripts"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setUniformItemSizes(true);
    // The keys stay in the filter, which passes Up and Down on to the list.
    m_list->setFocusPolicy(Qt::NoFocus);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_model->setFilter(text);
        m_list->setCurrentIndex({}); // the best match, not a row that happened to stay
        showMatches();
    });
    connect(m_list, &QListView::clicked, this, &ScriptPicker::choose);
    // The library may change while the popup is open (a sync arrives).
    connect(m_model, &QAbstractItemModel::modelReset, this, &ScriptPicker::showMatches);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ScriptPicker::showMatches);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ScriptPicker::showMatches);
}

void ScriptPicker::popup(const QRect &cursor)
{
    m_filter->clear();
    m_model->prepareSearch();
    m_model->setFilter(QString());
    m_list->setCurrentIndex({});
    showMatches();
    resize(popupSize);
    place(cursor);
    m_open = true;
    show();
    m_filter->setFocus();
}

QString ScriptPicker::emptyText() const
{
    return m_empty->isVisibleTo(this) ? m_empty->text() : QString();
}

void ScriptPicker::place(const QRect &cursor)
{
    const QScreen *screen = QGuiApplication::screenAt(cursor.center());
    if (!screen)
        screen = parentWidget() ? parentWidget()->screen() : QGuiApplication::primaryScreen();
    const QRect room = screen->availableGeometry();
    QPoint at(cursor.left(), cursor.bottom() + cursorGap);
    if (at.y() + height() > room.bottom() + 1)
        at.setY(cursor.top() - cursorGap - height());
    at.setX(qBound(room.left(), at.x(), room.right() + 1 - width()));
    at.setY(qBound(room.top(), at.y(), room.bottom() + 1 - height()));
    move(at);
}

void ScriptPicker::showMatches()
{
    const bool none = m_model->rowCount() == 0;
    if (none)
        m_empty->setText(m_model->filter().isEmpty()
                             ? tr("No reply scripts yet. Write them under Tools › Reply scripts "
                                  "(Ctrl+Shift+M).")
                             : tr("No script matches"));
    m_list->setVisible(!none);
    m_empty->setVisible(none);
    if (!none && !m_list->currentIndex().isValid())
        m_list->setCurrentIndex(m_model->index(0));
}

bool ScriptPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_filter || event->type() != QEvent::KeyPress)
        return QFrame::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    switch (key->key()) {
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
        QCoreApplication::sendEvent(m_list, key);
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        choose(m_list->currentIndex());
        return true;
    case Qt::Key_Escape:
        close(); // hideEvent says cancelled
        return true;
    default:
        return QFrame::eventFilter(watched, event);
    }
}

void ScriptPicker::choose(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QString clientId = index.data(ScriptListModel::ClientIdRole).toString();
    m_open = false;
    close();
    Q_EMIT chosen(clientId);
}

void ScriptPicker::hideEvent(QHideEvent *event)
{
    QFrame::hideEvent(event);
    if (!m_open)
        return;
    m_open = false;
    Q_EMIT cancelled();
}
