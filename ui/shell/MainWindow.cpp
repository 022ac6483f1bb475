#include "MainWindow.h"

#include "AlertCenter.h"
#include "ConnectionIndicator.h"
#include "ShortcutsWindow.h"
#include "app/session/AccountSession.h"
#include "ui/scripts/ScriptManager.h"
#include "ui/stats/StatsDashboard.h"
#include "ui/workspace/ConversationView.h"
#include "ui/workspace/WorkspaceView.h"

#include <QApplication>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QStatusBar>

namespace {
constexpr int noticeMs = 20000;
}

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_indicator(new ConnectionIndicator(this))
    , m_sync(new QLabel(this))
    , m_workspace(new WorkspaceView(this))
    , m_alerts(new AlertCenter(this, this))
{
    setWindowTitle(tr("Responder Console"));
    resize(1280, 800);

    QMenu *account = menuBar()->addMenu(tr("&Account"));
    account->addAction(tr("Sign &out"), this, &MainWindow::signOutRequested);
    account->addSeparator();
    m_quitAction = account->addAction(tr("&Quit"), qApp, &QApplication::quit);
    m_quitAction->setShortcut(QKeySequence::Quit);
    // The workspace's actions, where they can be found (their shortcuts work anywhere in it).
    menuBar()->addMenu(tr("&Consultation"))->addActions(m_workspace->actions());
    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    m_preferencesAction =
        tools->addAction(tr("&Preferences…"), this, &MainWindow::preferencesRequested);
    m_scriptsAction = tools->addAction(tr("&Reply scripts…"), this, &MainWindow::showScripts);
    m_scriptsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_scriptsAction->setEnabled(false); // until there is a session
    m_statisticsAction = tools->addAction(tr("&Statistics…"), this, &MainWindow::showStatistics);
    m_statisticsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_statisticsAction->setEnabled(false);
    QAction *keys = tools->addAction(tr("&Keyboard shortcuts"), this,
                                     [this] { ShortcutsWindow(this, this).exec(); });
    keys->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    setWindowIcon(AlertCenter::icon());
    connect(m_workspace->conversation(), &ConversationView::opened, m_alerts,
            &AlertCenter::setOpenConsultation);
    connect(m_alerts, &AlertCenter::consultationRequested, this, [this](qint64 id) {
        showNormal();
        raise();
        activateWindow();
        m_workspace->conversation()->open(id);
    });

    setCentralWidget(m_workspace);

    m_sync->setAccessibleName(tr("Synchronisation"));
    statusBar()->addPermanentWidget(m_sync);
    statusBar()->addPermanentWidget(m_indicator);
    connect(m_indicator, &ConnectionIndicator::signInRequested, this, &MainWindow::signInRequested);
}

void MainWindow::setSharedDesk(const QString &exportFolder)
{
    m_sharedDesk = true;
    for (QAction *action :
         {m_quitAction, m_preferencesAction, m_scriptsAction, m_statisticsAction}) {
        action->setEnabled(false);
        action->setVisible(false);
    }
    m_workspace->setSharedDeskExport(exportFolder);
}

void MainWindow::setSession(AccountSession *session)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    m_indicator->setSession(session);
    m_workspace->setSession(session);
    m_alerts->setSession(session);
    // The window belongs to the session's library: a new one for each sign-in.
    delete m_scripts;
    m_scripts = session ? new ScriptManager(session->scripts(), this) : nullptr;
    m_scriptsAction->setEnabled(session != nullptr && !m_sharedDesk);
    delete m_statistics;
    m_statisticsAction->setEnabled(session != nullptr && !m_sharedDesk);
    m_sync->clear();
    m_synced = {};
    if (!session)
        return showAccount();
    connect(
        session, &AccountSession::syncProgress, this,
        [this](AccountSession::SyncStream stream, int items) {
            m_sync->setText(
                tr("Updating %1… %2 records").arg(streamName(stream), QLocale().toString(items)));
        });
    connect(session, &AccountSession::syncFinished, this, [this] {
        m_synced = QDateTime::currentDateTime();
        m_sync->setText(tr("Cache up to date"));
    });
    // Offline, the cache is only as fresh as the last sync: say so, not "up to date".
    connect(session, &AccountSession::stateChanged, this,
            [this](AccountSession::ConnectionState state) {
                if (state == AccountSession::ConnectionState::Online)
                    return;
                m_sync->setText(
                    m_synced.isValid()
                        ? tr("Cache as of %1")
                              .arg(QLocale().toString(m_synced.time(), QStringLiteral("HH:mm")))
                        : QString());
            });
    connect(session, &AccountSession::stateChanged, this, &MainWindow::showAccount);
    auto damaged = [this](const QString &reason) {
        if (reason.isEmpty())
            return;
        showNotice(tr("The local cache was damaged and has been set aside; a fresh copy is being "
                      "fetched. Unsent replies are safe."));
        statusBar()->setToolTip(reason);
    };
    connect(session, &AccountSession::cacheOpened, this, damaged);
    connect(session, &AccountSession::cacheReplaced, this, damaged);
    connect(session, &AccountSession::cacheFailed, this, [this](const QString &reason) {
        showNotice(tr("The local cache could not be updated; it will be tried again."));
        statusBar()->setToolTip(reason);
    });
    showAccount();
}

void MainWindow::showNotice(const QString &text)
{
    statusBar()->showMessage(text, noticeMs);
}

void MainWindow::showScripts()
{
    if (!m_scripts)
        return;
    m_scripts->show();
    m_scripts->raise();
    m_scripts->activateWindow();
}

void MainWindow::showStatistics()
{
    if (!m_session || m_sharedDesk)
        return;
    if (!m_statistics) {
        const Principal &p = m_session->principal();
        const bool english = QLocale().language() != QLocale::Chinese;
        const Directory &directory = m_workspace->directory();
        m_statistics = new StatsDashboard(m_session->statistics(), p.lead,
                                          directory.departmentName(p.departmentId, english), this);
        m_statistics->setDirectory(directory, english);
        connect(m_workspace, &WorkspaceView::directoryLoaded, m_statistics,
                [dashboard = m_statistics.data(), english](const Directory &d) {
                    dashboard->setDirectory(d, english);
                });
    }
    m_statistics->show();
    m_statistics->raise();
    m_statistics->activateWindow();
}

QString MainWindow::syncText() const
{
    return m_sync->text();
}

void MainWindow::showAccount()
{
    if (!m_session)
        return;
    const QString name = m_session->principal().name;
    const QString user = m_session->account().user;
    setWindowTitle(name.isEmpty() ? tr("Responder Console — %1").arg(user)
                                  : tr("Responder Console — %1").arg(name));
    m_indicator->setToolTip(tr("Signed in as %1 on %2")
                                .arg(name.isEmpty() ? user : tr("%1 (%2)").arg(name, user),
                                     m_session->account().server.toString()));
}

QString MainWindow::streamName(AccountSession::SyncStream stream)
{
    using S = AccountSession::SyncStream;
    switch (stream) {
    case S::Departments:
        return tr("departments");
    case S::Responders:
        return tr("colleagues");
    case S::Consultations:
        return tr("consultations");
    case S::Messages:
        return tr("messages");
    case S::Representatives:
        return tr("representatives");
    case S::Proposals:
        return tr("proposals");
    case S::Scripts:
        return tr("reply scripts");
    case S::Transcripts:
        return tr("voice transcripts");
    }
    return {};
}

void MainWindow::applyPreferences(const Preferences &preferences)
{
    m_workspace->applyPreferences(preferences);
    m_alerts->setPreferences(preferences);
}
