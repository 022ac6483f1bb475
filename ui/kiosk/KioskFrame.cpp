#include "KioskFrame.h"

#include "ui/common/StatusColours.h"

#include <QApplication>
#include <QDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

bool isInput(QEvent::Type type)
{
    switch (type) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::InputMethod:
        return true;
    default:
        return false;
    }
}

// The keys that would leave the console elsewhere: closing a window, quitting.
bool isEscapeKey(const QKeyEvent &key)
{
    const QKeyCombination combination = key.keyCombination();
    return combination == QKeyCombination(Qt::AltModifier, Qt::Key_F4) ||
           combination == QKeyCombination(Qt::ControlModifier, Qt::Key_Q) ||
           combination == QKeyCombination(Qt::ControlModifier, Qt::Key_W) ||
           combination == QKeyCombination(Qt::ControlModifier, Qt::Key_F4);
}

} // namespace

KioskFrame::KioskFrame(QApplication &app, QObject *parent)
    : QObject(parent)
    , m_app(app)
{
    m_app.installEventFilter(this);
}

KioskFrame::~KioskFrame()
{
    m_app.removeEventFilter(this);
    delete m_overlay;
    delete m_banner;
}

void KioskFrame::applyLook(QApplication &app)
{
    QFont font = app.font();
    font.setPointSizeF(std::max<qreal>(font.pointSizeF(), 16));
    app.setFont(font);
    // Every clickable thing at least a fingertip wide and high; menus and tabs padded alike.
    app.setStyleSheet(QStringLiteral(
        "QAbstractButton, QComboBox, QLineEdit, QSpinBox, QDateEdit { min-height: 44px; }"
        "QAbstractButton, QComboBox { min-width: 44px; }"
        "QCheckBox::indicator, QRadioButton::indicator { width: 28px; height: 28px; }"
        "QMenuBar::item { padding: 12px 18px; }"
        "QMenu::item { padding: 12px 28px; }"
        "QTabBar::tab { min-height: 44px; padding: 0 18px; }"
        "QScrollBar:vertical { width: 24px; } QScrollBar:horizontal { height: 24px; }"));
}

void KioskFrame::setWindow(QWidget *window)
{
    if (m_window)
        m_window->removeEventFilter(this);
    m_window = window;
    delete m_overlay;
    delete m_banner;
    m_banner = nullptr;
    m_showing = Showing::Nothing;
    if (m_window)
        m_window->installEventFilter(this);
}

bool KioskFrame::eventFilter(QObject *watched, QEvent *event)
{
    if (isInput(event->type()))
        Q_EMIT activity();
    if (event->type() == QEvent::KeyPress && isEscapeKey(*static_cast<QKeyEvent *>(event)))
        return true;
    if (event->type() == QEvent::ShortcutOverride &&
        isEscapeKey(*static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    auto *widget = qobject_cast<QWidget *>(watched);
    if (!widget)
        return false;
    // The window people see is never closed by them; dialogs close as they always do.
    if (event->type() == QEvent::Close && widget == m_window) {
        event->ignore();
        return true;
    }
    // No second window: a dialog belongs to the one window (and is centred on it by the
    // compositor); menus and tooltips are fine; anything else that would stand alone is hidden.
    if (event->type() == QEvent::Show && widget->isWindow() && widget != m_window &&
        !qobject_cast<QDialog *>(widget) && !qobject_cast<QMenu *>(widget) &&
        widget->windowType() != Qt::ToolTip && widget->windowType() != Qt::Popup &&
        widget->windowType() != Qt::Desktop) {
        // After the show has finished: hiding inside it would be undone by it.
        QMetaObject::invokeMethod(widget, &QWidget::hide, Qt::QueuedConnection);
        return false;
    }
    if (widget == m_window && event->type() == QEvent::Resize)
        placeOverlay();
    return false;
}

void KioskFrame::showIdleWarning(int secondsLeft)
{
    if (!m_window)
        return;
    if (!m_banner) {
        m_banner = new QLabel(m_window);
        m_banner->setAlignment(Qt::AlignCenter);
        m_banner->setWordWrap(true);
        m_banner->setAccessibleName(tr("Idle warning"));
        m_banner->setAutoFillBackground(true);
        m_banner->setMargin(16);
        QFont font = m_banner->font();
        font.setPointSizeF(font.pointSizeF() * 1.3);
        font.setBold(true);
        m_banner->setFont(font);
        StatusColours::colourText(m_banner, StatusColours::Meaning::Warning);
    }
    m_banner->setText(tr("Nobody has touched this desk for a while. Signing out in %1 s: "
                         "touch the screen or press a key to stay.")
                          .arg(secondsLeft));
    placeOverlay();
    m_banner->show();
    m_banner->raise();
}

void KioskFrame::clearIdleWarning()
{
    if (m_banner)
        m_banner->hide();
}

void KioskFrame::ensureOverlay()
{
    if (m_overlay || !m_window)
        return;
    m_overlay = new QWidget(m_window);
    m_overlay->setObjectName(QStringLiteral("kioskOverlay"));
    m_overlay->setAutoFillBackground(true);
    m_overlay->setAccessibleName(tr("Signing out"));
    auto *layout = new QVBoxLayout(m_overlay);
    layout->setContentsMargins(64, 64, 64, 64);
    layout->setSpacing(24);
    m_title = new QLabel(m_overlay);
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    m_title->setFont(font);
    m_title->setWordWrap(true);
    m_body = new QLabel(m_overlay);
    m_body->setWordWrap(true);
    m_body->setTextFormat(Qt::PlainText);
    m_button = new QPushButton(m_overlay);
    m_button->setMinimumSize(240, 56);
    connect(m_button, &QPushButton::clicked, this, [this] {
        if (m_showing == Showing::Waiting)
            Q_EMIT staySignedInRequested();
        else if (m_showing == Showing::Discarded)
            Q_EMIT discardedAcknowledged();
    });
    layout->addStretch();
    layout->addWidget(m_title);
    layout->addWidget(m_body);
    layout->addWidget(m_button, 0, Qt::AlignLeft);
    layout->addStretch();
    placeOverlay();
}

void KioskFrame::placeOverlay() // and the idle banner: both cover the window across
{
    if (m_overlay && m_window)
        m_overlay->setGeometry(m_window->rect());
    if (m_banner && m_window)
        m_banner->setGeometry(0, 0, m_window->width(), m_banner->heightForWidth(m_window->width()));
}

void KioskFrame::showSignOutWaiting(const QList<WaitingReply> &replies, int secondsLeft,
                                    bool canStay)
{
    ensureOverlay();
    if (!m_overlay)
        return;
    m_showing = Showing::Waiting;
    QStringList lines;
    for (const WaitingReply &item : replies) {
        const QString what =
            item.voiceMs >= 0
                ? tr("voice reply, %1 s").arg(QLocale().toString((item.voiceMs + 999) / 1000))
                : tr("text reply, %1 characters").arg(QLocale().toString(item.characters));
        lines << tr("Consultation %1: %2").arg(item.consultationId).arg(what);
    }
    m_title->setText(tr("Signing out: %1 replies are still on their way").arg(replies.size()));
    m_body->setText(lines.join(u'\n') + QStringLiteral("\n\n") +
                    tr("The desk signs out as soon as they are delivered. If they cannot be "
                       "delivered within %1 s they are given up, and the department is told.")
                        .arg(secondsLeft));
    m_button->setText(tr("Stay signed in"));
    m_button->setVisible(canStay);
    m_overlay->show();
    m_overlay->raise();
}

void KioskFrame::showDiscarded(const QList<qint64> &consultations, int count, bool recorded)
{
    ensureOverlay();
    if (!m_overlay)
        return;
    m_showing = Showing::Discarded;
    QStringList numbers;
    for (qint64 id : consultations)
        numbers << QLocale().toString(id);
    m_title->setText(tr("%1 replies could not be delivered and were given up").arg(count));
    m_body->setText(
        tr("They were not sent to the representatives. Please answer these consultations "
           "again: %1.")
            .arg(numbers.join(QStringLiteral(", "))) +
        u' ' +
        (recorded ? tr("The department is told at the next sign-in at this desk.")
                  : tr("This desk could not keep a record of them: please tell the department.")));
    StatusColours::colourText(m_title, StatusColours::Meaning::Error);
    m_button->setText(tr("OK"));
    m_button->setVisible(true);
    m_overlay->show();
    m_overlay->raise();
}

void KioskFrame::clearOverlay()
{
    m_showing = Showing::Nothing;
    if (m_overlay)
        m_overlay->hide();
}

QWidget *KioskFrame::overlay() const
{
    return m_overlay;
}
