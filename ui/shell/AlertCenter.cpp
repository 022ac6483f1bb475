#include "AlertCenter.h"

#include "app/session/AccountSession.h"
#include "app/workspace/ConsultationListModel.h"

#include <QApplication>
#include <QPainter>
#include <QSoundEffect>
#include <QSystemTrayIcon>

AlertCenter::AlertCenter(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(icon(), this);
        m_tray->setToolTip(tr("Responder Console"));
        m_tray->show();
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            if (m_lastAlerted > 0)
                Q_EMIT consultationRequested(m_lastAlerted);
        });
        connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
            if (m_window) {
                m_window->showNormal();
                m_window->raise();
                m_window->activateWindow();
            }
        });
    }
}

AlertCenter::~AlertCenter() = default;

QIcon AlertCenter::icon(int count)
{
    QIcon result;
    for (int size : {16, 22, 32, 48, 64, 128}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        // A speech bubble in the colour of official documents' seals.
        const QRectF bubble(size * 0.06, size * 0.1, size * 0.88, size * 0.66);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xc0, 0x39, 0x2b));
        painter.drawRoundedRect(bubble, size * 0.16, size * 0.16);
        const QPointF tail[] = {
            {size * 0.3, size * 0.74}, {size * 0.26, size * 0.94}, {size * 0.5, size * 0.74}};
        painter.drawPolygon(tail, 3);
        painter.setBrush(Qt::white);
        for (int i = 0; i < 3; ++i)
            painter.drawEllipse(QPointF(size * (0.3 + 0.2 * i), size * 0.43), size * 0.06,
                                size * 0.06);
        if (count > 0) {
            const QString text = count > 99 ? QStringLiteral("99+") : QString::number(count);
            const QRectF badge(size * 0.42, 0, size * 0.58, size * 0.46);
            painter.setBrush(QColor(0x1f, 0x5f, 0xbf));
            painter.drawRoundedRect(badge, size * 0.2, size * 0.2);
            QFont font = painter.font();
            font.setPixelSize(std::max(6, int(size * (text.size() > 2 ? 0.24 : 0.34))));
            font.setBold(true);
            painter.setFont(font);
            painter.setPen(Qt::white);
            painter.drawText(badge, Qt::AlignCenter, text);
        }
        result.addPixmap(pixmap);
    }
    return result;
}

void AlertCenter::setSession(AccountSession *session)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    delete m_mine;
    delete m_waiting;
    m_mine = nullptr;
    m_waiting = nullptr;
    if (!session) {
        updateBadge();
        return;
    }
    m_mine = session->liveConsultations(this);
    m_waiting = session->liveConsultations(this);
    for (ConsultationListModel *model : {m_mine, m_waiting}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &AlertCenter::updateBadge);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &AlertCenter::updateBadge);
        connect(model, &QAbstractItemModel::modelReset, this, &AlertCenter::updateBadge);
        connect(model, &QAbstractItemModel::dataChanged, this, &AlertCenter::updateBadge);
    }
    auto follow = [this] {
        if (!m_session || !m_session->isCacheOpen() || m_session->responderId() == 0)
            return;
        const qint64 me = m_session->responderId();
        const qint64 department = m_session->departmentId();
        m_mine->setQuery({ConsultationQuery::Filter::Mine, me, department});
        m_waiting->setQuery({ConsultationQuery::Filter::Waiting, me, department});
    };
    connect(session, &AccountSession::principalChanged, this, follow);
    connect(session, &AccountSession::cacheOpened, this, follow);
    connect(session, &AccountSession::liveStored, this, &AlertCenter::onLive);
    follow();
}

void AlertCenter::setPreferences(const Preferences &preferences)
{
    m_preferences = preferences;
}

int AlertCenter::pendingCount() const
{
    int count = m_waiting ? m_waiting->rowCount() : 0;
    for (int i = 0; m_mine && i < m_mine->rowCount(); ++i)
        count += m_mine->rowAt(i).unread;
    return count;
}

void AlertCenter::updateBadge()
{
    // Called on every change a sync brings; six pixmaps are drawn only when the count moves.
    const int count = pendingCount();
    if (count == m_shownCount)
        return;
    m_shownCount = count;
    if (m_tray) {
        m_tray->setIcon(icon(count));
        m_tray->setToolTip(count > 0 ? tr("Responder Console: %1 waiting or unread").arg(count)
                                     : tr("Responder Console"));
    }
}

void AlertCenter::onLive(const LiveChange &change)
{
    if (!m_session)
        return;
    for (const LiveConsultation &c : change.consultations) {
        if (c.newToCache && c.waiting && c.departmentId == m_session->departmentId())
            alert(tr("New consultation"), c.subject, c.id);
    }
    for (const LiveMessage &m : change.messages) {
        if (!m.fromRepresentative || !m_mine || m_mine->rowOf(m.consultationId) < 0)
            continue;
        alert(tr("New message from %1")
                  .arg(m_mine->rowAt(m_mine->rowOf(m.consultationId)).representativeName),
              (m.voice ? tr("Voice message") : m.text).left(120), m.consultationId);
    }
}

void AlertCenter::alert(const QString &title, const QString &text, qint64 consultationId)
{
    const bool onScreen = m_window && m_window->isActiveWindow() && consultationId == m_open;
    if (onScreen || !m_preferences.desktopAlerts)
        return;
    m_lastAlert = title + QStringLiteral(": ") + text;
    m_lastAlerted = consultationId;
    ++m_alerts;
    if (m_tray)
        m_tray->showMessage(title, text, icon(), 8000);
    if (m_window)
        QApplication::alert(m_window); // the taskbar entry asks for attention; focus stays put
    if (m_preferences.soundAlerts) {
        if (!m_sound) {
            m_sound = new QSoundEffect(this);
            m_sound->setSource(QUrl(QStringLiteral("qrc:/sounds/alert.wav")));
            m_sound->setVolume(0.6f);
        }
        m_sound->play();
    }
}
