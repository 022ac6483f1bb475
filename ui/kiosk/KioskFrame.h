#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QApplication;

// A reply still on its way, as the sign-out screen names it.
// Never its words: the next person at the desk may be reading.
struct WaitingReply
{
    qint64 consultationId = 0;
    qint64 characters = 0; // a text reply's length
    qint64 voiceMs = -1;   // a voice reply's length; -1: text
};
class QLabel;
class QPushButton;
class QWidget;

// What a help-desk kiosk looks like and refuses, around the console's one window: large type
// and targets for a stranger at a desk (applyLook), no way out (closing, Alt+F4, Ctrl+Q and any
// independent second window are refused), every touch reported as activity, and the kiosk's
// own messages drawn over the window: the idle count-down, the sign-out waiting for replies to
// go out, and the notice that some were given up. It only shows; the rules are in app/kiosk.
class KioskFrame : public QObject
{
    Q_OBJECT
public:
    // Watches the whole application; `window` is the one window people see (the sign-in
    // dialog, then the main window: setWindow() when it changes).
    explicit KioskFrame(QApplication &app, QObject *parent = nullptr);
    ~KioskFrame() override;

    // At least 16 pt type and 44×44 px targets (the size of a fingertip).
    static void applyLook(QApplication &app);
    static constexpr int minimumTarget = 44;

    void setWindow(QWidget *window);

    void showIdleWarning(int secondsLeft);
    void clearIdleWarning();
    // What is still on its way, one line each.
    // `canStay`: the officer asked to sign out and may change their mind; an idle desk may
    // not be taken over by whoever sits down.
    void showSignOutWaiting(const QList<WaitingReply> &replies, int secondsLeft, bool canStay);
    // `consultations`: where the replies given up belonged; `recorded`: the report was kept for the
    // server (false: the desk could not write it).
    void showDiscarded(const QList<qint64> &consultations, int count, bool recorded);
    void clearOverlay();
    QWidget *overlay() const;

Q_SIGNALS:
    void activity();
    void staySignedInRequested();
    void discardedAcknowledged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void ensureOverlay();
    void placeOverlay();

    QApplication &m_app;
    QPointer<QWidget> m_window;
    QPointer<QWidget> m_overlay;
    QLabel *m_banner = nullptr; // the idle count-down, over the top of the window
    QLabel *m_title = nullptr;
    QLabel *m_body = nullptr;
    QPushButton *m_button = nullptr;
    enum class Showing
    {
        Nothing,
        Waiting,
        Discarded
    } m_showing = Showing::Nothing;
};
