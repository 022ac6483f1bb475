#pragma once

#include "ScriptEdit.h"
#include "app/delivery/DeliveryEngine.h"

#include <QJsonObject>
#include <QObject>

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
class ScriptDelivery : public QObject, private DeliveryEngine::Courier
{
    Q_OBJECT
public:
    ScriptDelivery(ScriptLocalStore &store, ScriptLibrary &library, ProtocolClient &client,
                   QObject *parent = nullptr);

    void setOnline(bool online) { m_engine.setOnline(online); }
    void wake() { m_engine.wake(); }
    bool isBusy() const { return m_engine.isBusy(); }

Q_SIGNALS:
    void drained();

private:
    Start startNext(const DeliveryEngine::Done &done) override;
    void delivered(const Frame &reply) override;
    void refused(const Frame &reply) override;

    void settleConflict(const ScriptEdit &edit, const Frame &reply);
    void keepAsPersonalCopy(const ScriptEdit &edit);
    void drop(const ScriptEdit &edit);

    ScriptLocalStore &m_store;
    ScriptLibrary &m_library;
    ProtocolClient &m_client;
    DeliveryEngine m_engine;
    ScriptEdit m_current; // the change on its way
};
