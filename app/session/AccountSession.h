#pragma once

#include "app/account/Account.h"
#include "app/core/Expected.h"
#include "app/domain/Principal.h"
#include "app/protocol/Methods.h"
#include "app/storage/LiveChange.h"
#include "app/sync/SessionConnection.h"
#include "app/voice/Transcriber.h"

#include <QObject>
#include <QThread>
#include <functional>
#include <memory>

class CacheReader;
class ConsultationListModel;
class MessageListModel;
class ProposalListModel;
class SearchResultModel;
class ConsultationActions;
class TranscriptCorrections;
class DepartmentStatistics;
class CacheSync;
class CacheWorker;
class OutboxSender;
class OutboxStore;
class Replies;
class ScriptDelivery;
class ScriptLibrary;
class ScriptLocalStore;
class VoiceMessages;
class SpeechEngineFactory;

// Everything that runs for one signed-in account: the cache on its own thread, the outbox, the
// connection that keeps itself signed in, the sync that keeps the cache current and the sender
// that delivers the outbox. It starts from a token alone, with or without a server: the cache
// and the outbox open at once, and sync and sending begin whenever the connection is online.
class AccountSession : public QObject
{
    Q_OBJECT
public:
    // `dataFolder`: the per-user data location; the account's files go to its own subfolder.
    AccountSession(Account account, QString dataFolder, QList<QUrl> servers,
                   SessionConnection::Backoff backoff = {}, QObject *parent = nullptr);
    ~AccountSession() override;

    // Opens the outbox (now: replies typed from here on are safe) and the cache (on its thread:
    // cacheOpened follows), then connects with `token`.
    Expected<Unit, QString> start(const QString &token);
    // The speech-to-text engine for voice messages at this workstation (none: only the server's
    // transcripts); may change at any time, from the next job on. With the setting
    // "background", every incoming voice message is queued, not only those opened.
    void setSpeechEngine(const SpeechEngineFactory *factory, const QVariantMap &settings);
    // The engines an officer may try on one voice message ("turn into text again with…").
    void setSpeechAlternatives(const QList<Transcriber::Alternative> &alternatives);
    // Revokes the token on the server when online (other workstations holding it are signed out
    // too), then stops everything. `done` runs either way; offline, the token simply expires.
    void signOut(std::function<void(bool revoked)> done);

    const Account &account() const { return m_account; }
    // replies(), voice() and scripts() exist once start() has succeeded.
    QString cachePath() const;
    // The connection as the status bar shows it: its state, the wait before the next attempt,
    // and the one thing an officer can do about it.
    using ConnectionState = SessionConnection::State;
    // What a sync is bringing in, for the status line.
    using SyncStream = Stream::Kind;
    ConnectionState connectionState() const { return m_connection->state(); }
    int secondsUntilRetry() const { return m_connection->secondsUntilRetry(); }
    void retryNow() { m_connection->retryNow(); }
    QUrl currentServer() const { return m_connection->currentServer(); }
    // Writing, sending and retrying replies, and drafts: what the conversation asks for.
    Replies &replies() { return *m_replies; }
    VoiceMessages &voice() { return *m_voice; }
    // Voice messages into text, in the background (exists once start() has succeeded).
    Transcriber &transcriber() { return *m_transcriber; }
    // The department's and the officer's reply scripts (exist once start() has succeeded).
    ScriptLibrary &scripts() { return *m_scripts; }
    // Claim, transfer and close: what needs the server's decision at that moment.
    ConsultationActions &actions() { return *m_actions; }
    // A responder's corrections of voice transcripts.
    TranscriptCorrections &corrections() { return *m_corrections; }
    // The department's statistics, kept current while watched (exists once start() succeeded).
    DepartmentStatistics &statistics() { return *m_statistics; }
    // Lives on the reader thread; the workspace models read through it.
    CacheReader *cacheReader() const { return m_reader; }
    // Models over the cache that stay live: the session refreshes them as the cache changes,
    // and the conversation's as its replies are written and go out. `owner` owns each.
    ConsultationListModel *liveConsultations(QObject *owner);
    MessageListModel *liveMessages(QObject *owner);
    ProposalListModel *proposals(QObject *owner);
    SearchResultModel *searchResults(QObject *owner);
    // The reader may be asked only once the cache is open (cacheOpened has been emitted).
    bool isCacheOpen() const { return m_cacheOpen; }
    // Who is signed in, as the server last said (kept in the account's folder, so that an
    // offline start knows it too); empty before the first sign-in on this machine.
    const Principal &principal() const { return m_principal; }
    qint64 responderId() const;
    qint64 departmentId() const;

    // The engine below the use cases, for tests that drive or observe it directly (the
    // architecture test keeps ui/ from reaching these headers).
    SessionConnection &connection() { return *m_connection; }
    OutboxStore &outbox() { return *m_outbox; }
    OutboxSender &sender() { return *m_sender; }
    ScriptDelivery &scriptDelivery() { return *m_scriptDelivery; }
    // Lives on the cache thread: talk to it through queued signals and invokeMethod.
    CacheWorker *cacheWorker() const { return m_worker; }
    void markRead(qint64 consultationId, qint64 lastMessageId);

Q_SIGNALS:
    void cacheOpened(const QString &recoveryReason); // empty unless a damaged cache was replaced
    void cacheReplaced(const QString &reason);       // damage found while in use
    void cacheFailed(const QString &reason);
    // Live changes the cache has just stored (what the alerts speak of).
    void liveStored(const LiveChange &change);
    void stateChanged(SessionConnection::State state);
    void signedOut(const QString &reason);
    // Items of one stream arrived in this run of the sync.
    void syncProgress(AccountSession::SyncStream stream, int items);
    void syncFinished();
    void consultationsChanged(const QList<qint64> &ids);
    void principalChanged();

private:
    void onStateChanged(SessionConnection::State state);
    QString principalPath() const;
    Expected<Unit, QString> startScripts();
    bool isScriptEditor() const;

    Account m_account;
    QString m_folder;
    QThread m_cacheThread;
    QThread m_readerThread;
    CacheWorker *m_worker = nullptr;
    CacheReader *m_reader = nullptr;
    std::unique_ptr<SessionConnection> m_connection;
    std::unique_ptr<OutboxStore> m_outbox;
    std::unique_ptr<OutboxSender> m_sender;
    std::unique_ptr<Replies> m_replies;
    std::unique_ptr<VoiceMessages> m_voice;
    std::unique_ptr<Transcriber> m_transcriber;
    const SpeechEngineFactory *m_speechFactory = nullptr;
    QVariantMap m_speechSettings;
    QList<Transcriber::Alternative> m_speechAlternatives;
    std::unique_ptr<ScriptLocalStore> m_scriptStore;
    std::unique_ptr<ScriptLibrary> m_scripts;
    std::unique_ptr<ScriptDelivery> m_scriptDelivery;
    std::unique_ptr<CacheSync> m_sync;
    std::unique_ptr<ConsultationActions> m_actions;
    std::unique_ptr<TranscriptCorrections> m_corrections;
    std::unique_ptr<DepartmentStatistics> m_statistics;
    Principal m_principal;
    bool m_cacheOpen = false;
};
