#pragma once

#include "app/kiosk/DiscardReports.h"
#include "app/kiosk/IdleSignOut.h"
#include "app/kiosk/KioskConfig.h"
#include "app/kiosk/SignOutGate.h"
#include "ui/kiosk/KioskFrame.h"

#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

class AccountSession;
class QApplication;

// The help-desk kiosk put together (docs/kiosk.md): the administrator's settings, the idle
// sign-out, the sign-out that waits for replies, the record of replies given up, and the
// frame around the one window. The composition root asks it to sign out; it answers when the
// officer may go.
class KioskDesk : public QObject
{
    Q_OBJECT
public:
    KioskDesk(KioskConfig config, QApplication &app, KioskClock clock = steadyClock(),
              QObject *parent = nullptr);
    ~KioskDesk() override;

    const KioskConfig &config() const { return m_config; }
    KioskFrame &frame() { return m_frame; }
    IdleSignOut &idle() { return m_idle; }
    DiscardReports &reports() { return m_reports; }
    // Checks the waiting sign-out now (tests drive the clock).
    SignOutGate *gate() const { return m_gate.get(); }

    void setWindow(QWidget *window) { m_frame.setWindow(window); }
    // A session signed in at this desk: idle watching starts, and reports of replies given up
    // at earlier sign-outs go out through it.
    void attach(AccountSession &session);
    void detach();
    // Waits for the outbox (showing what is on its way), gives up what is still undelivered
    // past the limit (shown, and recorded for the server), then calls `done`. The officer may
    // stay signed in instead while it waits.
    enum class Reason
    {
        Asked, // the officer signs out, and may change their mind while replies go out
        Idle   // nobody is at the desk: whoever sits down next may not stay in the session
    };
    void signOut(std::function<void()> done, Reason reason = Reason::Asked);

Q_SIGNALS:
    // The desk sat idle past the limit.
    void idleSignOutRequested();

private:
    void finish();

    KioskConfig m_config;
    KioskClock m_clock;
    KioskFrame m_frame;
    IdleSignOut m_idle;
    DiscardReports m_reports;
    QPointer<AccountSession> m_session;
    std::unique_ptr<SignOutGate> m_gate;
    std::function<void()> m_done;
};
