#pragma once

#include <QDateTime>
#include <QMainWindow>
#include <QPointer>

#include "app/account/Preferences.h"
#include "app/session/AccountSession.h"

class AccountSession;
class AlertCenter;
class ConnectionIndicator;
class QAction;
class QLabel;
class ScriptManager;
#include "ui/stats/StatsDashboard.h"
class WorkspaceView;

// The console's main window: menus, the status bar with the connection and sync state and
// one-line notices, and the workspace in the middle.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    void setSession(AccountSession *session);
    ConnectionIndicator *connectionIndicator() const { return m_indicator; }
    // One line in the status bar, for things the officer should know but need not act on.
    void showNotice(const QString &text);
    QString syncText() const;
    WorkspaceView *workspace() const { return m_workspace; }
    AlertCenter *alerts() const { return m_alerts; }
    // The reply scripts window (Tools menu, Ctrl+Shift+M); null without a session.
    ScriptManager *scripts() const { return m_scripts; }
    void showScripts();
    // The department's statistics (Tools menu, Ctrl+Shift+D); created on first use per session.
    StatsDashboard *statistics() const { return m_statistics; }
    void showStatistics();
    void applyPreferences(const Preferences &preferences);
    // A help-desk kiosk: nothing that leaves the console or opens another window (Quit, the
    // preferences, the reply-script manager), and exports only to `exportFolder` (empty: none).
    void setSharedDesk(const QString &exportFolder);

    static QString streamName(AccountSession::SyncStream stream);

Q_SIGNALS:
    void signOutRequested();
    void signInRequested();
    void preferencesRequested();

private:
    void showAccount();

    QPointer<AccountSession> m_session;
    ConnectionIndicator *m_indicator;
    QLabel *m_sync;
    QDateTime m_synced; // when the cache was last brought up to date; invalid: not this run
    WorkspaceView *m_workspace;
    AlertCenter *m_alerts;
    ScriptManager *m_scripts = nullptr;
    QAction *m_scriptsAction;
    QPointer<StatsDashboard> m_statistics;
    QAction *m_statisticsAction;
    QAction *m_quitAction;
    QAction *m_preferencesAction;
    bool m_sharedDesk = false;
};
