#include "WorkspaceView.h"

#include "ConversationView.h"
#include "DossierView.h"
#include "ExportBar.h"
#include "ExportDialog.h"
#include "QueueView.h"
#include "app/session/AccountSession.h"
#include "app/workspace/CacheReader.h"
#include "app/workspace/ConsultationListModel.h"
#include "ui/search/SearchView.h"

#include <QAction>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QSplitter>
#include <QVBoxLayout>

WorkspaceView::WorkspaceView(QWidget *parent)
    : QWidget(parent)
    , m_conversation(new ConversationView(this))
    , m_dossier(new DossierView(this))
    , m_search(new SearchView(this))
    , m_exportBar(new ExportBar(this))
    , m_splitter(new QSplitter(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_exportBar);
    m_splitter->addWidget(m_conversation);
    m_splitter->addWidget(m_dossier);
    connect(m_conversation, &ConversationView::representativeChanged, m_dossier,
            &DossierView::showRepresentative);
    connect(m_dossier, &DossierView::consultationChosen, m_conversation, &ConversationView::open);
    // A window of its own, so that it can sit beside the workspace or on a second screen.
    m_search->setWindowFlag(Qt::Window);
    m_search->resize(760, 560);
    connect(m_search, &SearchView::messageChosen, this,
            [this](qint64 consultation, qint64 message) {
                m_conversation->openAt(consultation, message);
                window()->raise();
                window()->activateWindow();
            });
    m_splitter->setChildrenCollapsible(false);

    addShortcut(QKeySequence(Qt::ALT | Qt::Key_Down), tr("Next consultation"), [this] {
        if (m_queue)
            m_queue->selectRelative(1);
    });
    addShortcut(QKeySequence(Qt::ALT | Qt::Key_Up), tr("Previous consultation"), [this] {
        if (m_queue)
            m_queue->selectRelative(-1);
    });
    addShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), tr("Claim"),
                [this] { m_conversation->claim(); });
    addShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T), tr("Transfer"),
                [this] { m_conversation->transfer(); });
    addShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), tr("Close consultation"),
                [this] { m_conversation->closeConsultation(); });
    addShortcut(QKeySequence(Qt::CTRL | Qt::Key_R), tr("Reply"),
                [this] { m_conversation->focusComposer(); });
    addShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), tr("Insert reply script…"),
                [this] { m_conversation->pickScript(); });
    addShortcut(QKeySequence::Find, tr("Search history"), [this] { showSearch(); });
    addShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), tr("Export records…"),
                [this] { exportWithDialogs(); });
}

void WorkspaceView::addShortcut(const QKeySequence &keys, const QString &name,
                                std::function<void()> action)
{
    auto *shortcut = new QAction(name, this);
    shortcut->setShortcut(keys);
    shortcut->setShortcutContext(Qt::WindowShortcut);
    connect(shortcut, &QAction::triggered, this, std::move(action));
    addAction(shortcut);
}

void WorkspaceView::setSession(AccountSession *session)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    m_conversation->setSession(session);
    m_dossier->setSession(session);
    m_search->setSession(session);
    delete m_queue;
    delete m_queueModel;
    m_queue = nullptr;
    m_queueModel = nullptr;
    if (!session)
        return;
    m_queueModel = session->liveConsultations(this);
    m_queue = new QueueView(m_queueModel, this);
    m_queue->setOverdueAfterMs(m_overdueMs);
    m_splitter->insertWidget(0, m_queue);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 5);
    m_splitter->setStretchFactor(2, 3);
    m_splitter->setSizes({400, 720, 380});
    connect(m_queue, &QueueView::consultationSelected, m_conversation, &ConversationView::open);
    // Opened from elsewhere (a search hit, the dossier): the queue marks that one, so that it
    // and the conversation never disagree about which is open.
    connect(m_conversation, &ConversationView::opened, m_queue, &QueueView::follow);
    // Tab goes left to right, as the officer reads: queue, conversation, dossier (the queue is
    // made last, so creation order alone would put it at the end).
    const QList<QWidget *> order =
        m_queue->focusOrder() + m_conversation->focusOrder() + m_dossier->focusOrder();
    for (int i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
    // The queue reads the cache once it is open and the officer is known (from the last
    // sign-in even offline), and again whenever the cache file is replaced.
    auto viewer = [this] {
        if (m_session && m_session->isCacheOpen() && m_session->responderId() > 0)
            m_queue->setViewer(m_session->responderId(), m_session->departmentId());
    };
    connect(session, &AccountSession::principalChanged, this, viewer);
    auto reopened = [this, viewer] {
        viewer();
        m_queue->reload();
        loadDirectory();
    };
    connect(session, &AccountSession::cacheOpened, this, reopened);
    connect(session, &AccountSession::cacheReplaced, this, reopened);
    connect(session, &AccountSession::syncFinished, this, &WorkspaceView::loadDirectory);
    connect(session->cacheReader(), &CacheReader::directoryFetched, this,
            [this](quint64 ticket, const Directory &directory) {
                if (ticket != m_directoryTicket)
                    return;
                m_directory = directory;
                m_conversation->setDirectory(directory);
                m_dossier->setDirectory(directory);
                m_search->setDirectory(directory);
                Q_EMIT directoryLoaded(directory);
            });
    // A session whose cache is already open (set after its start) is read at once.
    viewer();
    loadDirectory();
}

void WorkspaceView::loadDirectory()
{
    if (!m_session || !m_session->isCacheOpen())
        return;
    CacheReader *reader = m_session->cacheReader();
    m_directoryTicket = reader->newTicket();
    QMetaObject::invokeMethod(
        reader, [reader, ticket = m_directoryTicket] { reader->fetchDirectory(ticket); });
}

void WorkspaceView::showSearch()
{
    m_search->show();
    m_search->raise();
    m_search->activateWindow();
    m_search->focusQuery();
}

void WorkspaceView::applyPreferences(const Preferences &preferences)
{
    m_conversation->setEnterSends(preferences.enterSends);
    m_conversation->setVoicePreferences(preferences.audioInput, preferences.audioOutput,
                                        preferences.playNextUnheard, preferences.newDeviceFirst);
    m_overdueMs = qint64(preferences.overdueMinutes) * 60 * 1000;
    if (m_queue)
        m_queue->setOverdueAfterMs(m_overdueMs);
}

void WorkspaceView::exportTo(ConsultationExport::Format format, bool wholeList,
                             const QString &target)
{
    if (!m_session || !m_queue)
        return;
    ConsultationExport::Request request;
    request.cachePath = m_session->cachePath();
    request.query = {wholeList ? m_queue->filter() : ConsultationQuery::Filter::All,
                     m_session->responderId(), m_session->departmentId()};
    if (!wholeList)
        request.query.onlyId = m_conversation->consultationId();
    request.format = format;
    request.target = target;
    request.directory = m_directory;
    request.english = QLocale().language() != QLocale::Chinese;
    m_exportBar->start(request);
}

void WorkspaceView::setSharedDeskExport(const QString &folder)
{
    m_sharedDeskFolder = folder;
    m_exportBar->setOpeningAllowed(false);
    for (QAction *action : actions()) {
        if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S))
            action->setEnabled(!folder.isEmpty());
    }
}

void WorkspaceView::exportWithDialogs()
{
    if (!m_session || m_exportBar->isRunning())
        return;
    if (m_sharedDeskFolder && m_sharedDeskFolder->isEmpty())
        return;
    ExportDialog ask(m_conversation->consultationId() > 0, this);
    if (ask.exec() != QDialog::Accepted || !ask.scopeChosen())
        return;
    if (m_sharedDeskFolder) {
        const QString stamp =
            QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        const QDir folder(*m_sharedDeskFolder);
        const bool table = ask.format() == ConsultationExport::Format::Csv;
        const QString target =
            table ? folder.filePath(QStringLiteral("consultations-%1.csv").arg(stamp))
                  : folder.filePath(QStringLiteral("records-%1").arg(stamp));
        if (!table)
            QDir().mkpath(target);
        return exportTo(ask.format(), ask.wholeList(), target);
    }
    const QString folder = ConsultationExport::suggestedFolder(m_exportFolder);
    const bool table = ask.format() == ConsultationExport::Format::Csv;
    const QString target =
        table ? QFileDialog::getSaveFileName(
                    this, tr("Export as CSV"),
                    QDir(folder).filePath(
                        QStringLiteral("consultations-%1.csv")
                            .arg(QDate::currentDate().toString(QStringLiteral("yyyyMMdd")))),
                    tr("CSV table (*.csv)"))
              : QFileDialog::getExistingDirectory(this, tr("Folder for the PDF records"), folder);
    if (target.isEmpty())
        return;
    m_exportFolder = table ? QFileInfo(target).path() : target;
    exportTo(ask.format(), ask.wholeList(), target);
}

QList<QWidget *> WorkspaceView::focusOrder() const
{
    QList<QWidget *> order;
    if (m_queue)
        order += m_queue->focusOrder();
    return order + m_conversation->focusOrder() + m_dossier->focusOrder();
}
