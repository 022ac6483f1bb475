#pragma once

#include "ScriptEdit.h"

#include <QJsonObject>
#include <QObject>
#include <QTimer>

class ProtocolClient;
class ScriptLibrary;
class ScriptLocalStore;
struct Frame;

// Takes the script changes made on this workstation to the server, one at a time, oldest
// first, each with its editId (a resend after a lost answer is stored once). When the server
// refuses a change because the script changed meanwhile, the conflict rule of
// docs/protocol.md section 13 applies: the server's version stays, and an edit that lost is
// kept as a new personal script; a delete that lost is dropped (the script lives on as
// changed). Nothing the officer typed is ever discarded.
class ScriptDelivery : public QObject
{
    Q_OBJECT
public:
    ScriptDelivery(ScriptLocalStore &store, ScriptLibrary &library, ProtocolClient &client,
                   QObject *parent = nullptr);

    void setOnline(bool online);
    void wake();
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void drained();

private:
    void sendNext();
    void onReply(const ScriptEdit &edit, const Frame &reply);
    void settleConflict(const ScriptEdit &edit, const Frame &reply);
    void keepAsPersonalCopy(const ScriptEdit &edit);
    void finish(const ScriptEdit &edit);

    ScriptLocalStore &m_store;
    ScriptLibrary &m_library;
    ProtocolClient &m_client;
    QTimer m_retryTimer;
    bool m_online = false;
    bool m_busy = false;
};
