#pragma once

// The workspace on screen for a synced session (a "desk"); several can sit side by side.
#include "SyncedSession.h"
#include "app/workspace/ConsultationListModel.h"
#include "ui/workspace/ConversationView.h"
#include "ui/workspace/QueueView.h"
#include "ui/workspace/WorkspaceView.h"

#include <QListView>
#include <QtTest>

// One officer's console: a session and the workspace on screen.
struct Desk
{
    std::unique_ptr<AccountSession> session;
    std::unique_ptr<WorkspaceView> view;

    bool open(IntegrationFixture &fx, const QString &dataFolder, const QString &login)
    {
        session = syncedSession(fx, dataFolder, login);
        if (!session)
            return false;
        view = std::make_unique<WorkspaceView>();
        view->setSession(session.get());
        view->resize(1200, 800);
        view->show();
        return true;
    }
    QueueView &queue() { return *view->queue(); }
    ConsultationListModel &rows() { return *view->queueModel(); }

    // Selects the consultation in the queue, as a click would; true once it is open.
    bool select(qint64 id)
    {
        if (!QTest::qWaitFor([&] { return rows().rowOf(id) >= 0; }, 5000))
            return false;
        queue().list()->setCurrentIndex(rows().index(rows().rowOf(id)));
        return QTest::qWaitFor([&] { return view->conversation()->consultationId() == id; }, 5000);
    }
};
