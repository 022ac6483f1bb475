#include "ConnectionIndicator.h"

#include "ui/common/StatusColours.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QToolButton>

namespace {
StatusColours::Meaning meaningOf(AccountSession::ConnectionState state)
{
    switch (state) {
    case AccountSession::ConnectionState::Online:
        return StatusColours::Meaning::Ok;
    case AccountSession::ConnectionState::Connecting:
    case AccountSession::ConnectionState::Reconnecting:
        return StatusColours::Meaning::Pending;
    case AccountSession::ConnectionState::Offline:
        return StatusColours::Meaning::Inactive;
    case AccountSession::ConnectionState::SignedOut:
        break;
    }
    return StatusColours::Meaning::Error;
}
} // namespace

ConnectionIndicator::ConnectionIndicator(QWidget *parent)
    : QWidget(parent)
    , m_dot(new QLabel(this))
    , m_text(new QLabel(this))
    , m_action(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    layout->addWidget(m_dot);
    layout->addWidget(m_text);
    layout->addWidget(m_action);
    m_action->setAutoRaise(true);
    m_action->hide();
    setAccessibleName(tr("Connection"));
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &ConnectionIndicator::refresh);
    connect(m_action, &QToolButton::clicked, this, [this] {
        if (!m_session)
            return;
        if (m_session->connectionState() == AccountSession::ConnectionState::SignedOut)
            Q_EMIT signInRequested();
        else
            m_session->retryNow();
    });
    refresh();
}

void ConnectionIndicator::setSession(AccountSession *session)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    if (session)
        connect(session, &AccountSession::stateChanged, this, &ConnectionIndicator::refresh);
    refresh();
}

QString ConnectionIndicator::text() const
{
    return m_text->text();
}

void ConnectionIndicator::refresh()
{
    const auto state =
        m_session ? m_session->connectionState() : AccountSession::ConnectionState::Offline;
    QString text;
    QString action;
    switch (state) {
    case AccountSession::ConnectionState::Online:
        text = tr("Online");
        break;
    case AccountSession::ConnectionState::Connecting:
        text = tr("Connecting…");
        break;
    case AccountSession::ConnectionState::Reconnecting:
        text = tr("Offline · reconnecting in %1 s").arg(m_session->secondsUntilRetry());
        action = tr("Retry now");
        break;
    case AccountSession::ConnectionState::Offline:
        text = tr("Offline");
        break;
    case AccountSession::ConnectionState::SignedOut:
        text = tr("Signed out");
        action = tr("Sign in…");
        break;
    }
    if (state == AccountSession::ConnectionState::Reconnecting)
        m_countdown.start();
    else
        m_countdown.stop();

    const int size = fontMetrics().height() / 2 + 2;
    QPixmap dot(size * devicePixelRatio(), size * devicePixelRatio());
    dot.setDevicePixelRatio(devicePixelRatio());
    dot.fill(Qt::transparent);
    {
        QPainter painter(&dot);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(StatusColours::of(meaningOf(state), palette()));
        painter.drawEllipse(QRectF(0, 0, size, size));
    }
    m_dot->setPixmap(dot);
    m_text->setText(text);
    m_action->setText(action);
    m_action->setVisible(!action.isEmpty());
    m_action->setAccessibleName(action);
    const QString server = m_session ? m_session->currentServer().toString() : QString();
    setToolTip(server.isEmpty() ? text : tr("%1 — %2").arg(text, server));
    setAccessibleDescription(text);
}
