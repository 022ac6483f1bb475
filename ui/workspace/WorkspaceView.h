#pragma once

#include <optional>

#include <QPointer>
#include <QWidget>

#include "app/account/Preferences.h"
#include "app/workspace/ConsultationExport.h"

#include "app/workspace/Directory.h"

class AccountSession;
class ConsultationListModel;
class ConversationView;
class DossierView;
class ExportBar;
class QSplitter;
class QueueView;
class SearchView;

// The officer's workspace: the queue on the left, the open consultation in the middle, the
// representative's dossier on the right. Keyboard:
// Alt+Down / Alt+Up next and previous consultation, Ctrl+Shift+C claim, Ctrl+Shift+T transfer,
// Ctrl+Shift+E close, Ctrl+R reply, Ctrl+Shift+R insert a reply script, Ctrl+F search history.
class WorkspaceView : public QWidget
{
    Q_OBJECT
public:
    explicit WorkspaceView(QWidget *parent = nullptr);

    void setSession(AccountSession *session);
    QueueView *queue() const { return m_queue; }
    ConversationView *conversation() const { return m_conversation; }
    DossierView *dossier() const { return m_dossier; }
    SearchView *search() const { return m_search; }
    void showSearch();
    void applyPreferences(const Preferences &preferences);
    // Exports the open consultation, or every one of the current queue filter, to `target`
    // (a CSV file, or a folder for one PDF each). exportWithDialogs() asks where first.
    void exportTo(ConsultationExport::Format format, bool wholeList, const QString &target);
    void exportWithDialogs();
    // A shared desk: exports go to this folder with names made up here, never through a file
    // dialog; an empty folder turns exporting off.
    void setSharedDeskExport(const QString &folder);
    ExportBar *exportBar() const { return m_exportBar; }
    QList<QWidget *> focusOrder() const;
    ConsultationListModel *queueModel() const { return m_queueModel; }
    // Names of departments and people, as last read from the cache.
    const Directory &directory() const { return m_directory; }

Q_SIGNALS:
    void directoryLoaded(const Directory &directory);

private:
    void loadDirectory();
    void addShortcut(const QKeySequence &keys, const QString &name, std::function<void()> action);

    QPointer<AccountSession> m_session;
    ConsultationListModel *m_queueModel = nullptr;
    QueueView *m_queue = nullptr;
    ConversationView *m_conversation;
    DossierView *m_dossier;
    SearchView *m_search;
    ExportBar *m_exportBar;
    Directory m_directory;
    QString m_exportFolder;                    // where the officer last exported to
    std::optional<QString> m_sharedDeskFolder; // set at a shared desk
    QSplitter *m_splitter;
    quint64 m_directoryTicket = 0;
    qint64 m_overdueMs = 30 * 60 * 1000;
};
