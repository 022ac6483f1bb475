#pragma once

#include "app/account/Preferences.h"

#include <QIcon>
#include <QObject>
#include <QPointer>
#include <QWidget>

class AccountSession;
struct LiveChange;
class ConsultationListModel;
class QSoundEffect;
class QSystemTrayIcon;

// Tells the officer what arrived while they looked elsewhere: a new consultation waiting in
// their department, a new message in a consultation they hold. Through the system tray (with
// the count of waiting consultations and unread messages on its icon) and the taskbar, with an
// optional sound; never by taking the focus. Nothing is said about the consultation on screen.
class AlertCenter : public QObject
{
    Q_OBJECT
public:
    explicit AlertCenter(QWidget *window, QObject *parent = nullptr);
    ~AlertCenter() override;

    void setSession(AccountSession *session);
    void setPreferences(const Preferences &preferences);
    void setOpenConsultation(qint64 consultationId) { m_open = consultationId; }

    // For the tray icon's badge and for tests.
    int pendingCount() const;
    QString lastAlert() const { return m_lastAlert; }
    int alertCount() const { return m_alerts; }

    // The console's icon, with a count in a badge when it is above zero.
    static QIcon icon(int count = 0);

Q_SIGNALS:
    void consultationRequested(qint64 consultationId); // the officer clicked an alert

private:
    void onLive(const LiveChange &change);
    void alert(const QString &title, const QString &text, qint64 consultationId);
    void updateBadge();

    QPointer<QWidget> m_window;
    QPointer<AccountSession> m_session;
    Preferences m_preferences;
    QSystemTrayIcon *m_tray = nullptr;
    QSoundEffect *m_sound = nullptr;
    ConsultationListModel *m_mine = nullptr;
    ConsultationListModel *m_waiting = nullptr;
    qint64 m_open = 0;
    qint64 m_lastAlerted = 0;
    QString m_lastAlert;
    int m_alerts = 0;
    int m_shownCount = 0; // on the tray icon now
};
