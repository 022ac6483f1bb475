#include "AccountSession.h"

#include "ConsultationActions.h"
#include "DepartmentStatistics.h"
#include "Replies.h"
#include "SessionLog.h"
#include "TranscriptCorrections.h"
#include "app/outbox/OutboxSender.h"
#include "app/outbox/OutboxStore.h"
#include "app/protocol/Methods.h"
#include "app/scripts/ScriptDelivery.h"
#include "app/scripts/ScriptLibrary.h"
#include "app/scripts/ScriptLocalStore.h"
#include "app/storage/CacheWorker.h"
#include "app/sync/CacheSync.h"
#include "app/voice/Transcriber.h"
#include "app/voice/VoiceMessages.h"
#include "app/workspace/CacheReader.h"
#include "app/workspace/ConsultationListModel.h"
#include "app/workspace/MessageListModel.h"
#include "app/workspace/ProposalListModel.h"
#include "app/workspace/SearchResultModel.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QPointer>
#include <QSaveFile>

namespace {
// Voice messages the background transcription takes up after a sync at most: the newest; an
// older one is done when its conversation is opened.
constexpr int backgroundBacklog = 200;
} // namespace

AccountSession::AccountSession(Account account, QString dataFolder, QList<QUrl> servers,
                               SessionConnection::Backoff backoff, QObject *parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_folder(std::move(dataFolder))
    , m_connection(std::make_unique<SessionConnection>(std::move(servers), backoff))
{
    m_cacheThread.setObjectName(QStringLiteral("cache"));
    m_worker = new CacheWorker(cachePath());
    m_worker->moveToThread(&m_cacheThread);
    connect(&m_cacheThread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_readerThread.setObjectName(QStringLiteral("cache reader"));
    m_reader = new CacheReader(cachePath());
    m_reader->moveToThread(&m_readerThread);
    connect(&m_readerThread, &QThread::finished, m_reader, &QObject::deleteLater);
    connect(m_worker, &CacheWorker::consultationsChanged, this,
            &AccountSession::consultationsChanged);
    connect(m_worker, &CacheWorker::liveStored, this, &AccountSession::liveStored);
    connect(m_worker, &CacheWorker::liveStored, this, [this](const LiveChange &change) {
        if (!m_transcriber || !m_speechSettings.value(QStringLiteral("background")).toBool())
            return;
        for (const LiveMessage &message : change.messages) {
            if (message.voice)
                m_transcriber->request(message.id);
        }
    });
    connect(m_worker, &CacheWorker::opened, this, [this](const QString &reason) {
        // Only now: the file exists, migrated, for the read-only connection.
        QMetaObject::invokeMethod(m_reader, &CacheReader::open);
        m_cacheOpen = true;
        QMetaObject::invokeMethod(m_worker, &CacheWorker::loadScripts);
        Q_EMIT cacheOpened(reason);
        // Damage inside pages shows only when they are read: look at all of them once, in the
        // background, while the officer already works.
        QMetaObject::invokeMethod(m_worker, &CacheWorker::checkIntegrity);
    });
    connect(m_worker, &CacheWorker::replaced, this, [this](const QString &reason) {
        QMetaObject::invokeMethod(m_reader, &CacheReader::open); // the new file
        QMetaObject::invokeMethod(m_worker, &CacheWorker::loadScripts);
        Q_EMIT cacheReplaced(reason);
        if (m_connection->state() == SessionConnection::State::Online)
            m_sync->restart();
    });
    m_sync = std::make_unique<CacheSync>(m_connection->client(), *m_worker);
    m_actions = std::make_unique<ConsultationActions>(m_connection->client());
    m_corrections = std::make_unique<TranscriptCorrections>(m_connection->client());
    m_statistics = std::make_unique<DepartmentStatistics>(m_connection->client());
    connect(this, &AccountSession::consultationsChanged, m_statistics.get(),
            &DepartmentStatistics::consultationsChanged);
    connect(m_sync.get(), &CacheSync::progress, this, [this](const QString &stream, int items) {
        if (const auto kind = Stream::kind(stream))
            Q_EMIT syncProgress(*kind, items);
    });
    connect(m_sync.get(), &CacheSync::finished, this, &AccountSession::syncFinished);
    // Background transcription picks up, after every sync (so after a restart too), what no
    // engine has done yet: the work queue is the cache itself.
    connect(m_sync.get(), &CacheSync::finished, this, [this] {
        if (m_transcriber && m_transcriber->isLocal() &&
            m_speechSettings.value(QStringLiteral("background")).toBool())
            QMetaObject::invokeMethod(
                m_worker, [worker = m_worker] { worker->findUntranscribed(backgroundBacklog); });
    });
    connect(m_worker, &CacheWorker::untranscribedFound, this, [this](const QList<qint64> &ids) {
        // Oldest first: each request goes ahead of the others, so the newest runs first.
        for (qint64 id : ids) {
            if (m_transcriber)
                m_transcriber->request(id);
        }
    });
    connect(m_connection.get(), &SessionConnection::stateChanged, this,
            &AccountSession::onStateChanged);
    connect(m_connection.get(), &SessionConnection::signedOut, this, &AccountSession::signedOut);
    m_cacheThread.start();
    m_readerThread.start();
}

AccountSession::~AccountSession()
{
    m_transcriber.reset(); // before the clips and the fetcher it uses
    m_voice.reset();
    m_scriptDelivery.reset();
    m_sender.reset();
    m_corrections.reset();
    m_statistics.reset();
    m_actions.reset();
    m_connection->stop();
    m_sync.reset();
    m_cacheThread.quit();
    m_readerThread.quit();
    m_cacheThread.wait();
    m_readerThread.wait();
}

ConsultationListModel *AccountSession::liveConsultations(QObject *owner)
{
    auto *model = new ConsultationListModel(m_reader, owner);
    connect(this, &AccountSession::consultationsChanged, model, &ConsultationListModel::refresh);
    if (m_replies) {
        model->setDrafts(m_replies->drafts());
        connect(m_replies.get(), &Replies::draftChanged, model, &ConsultationListModel::setDraft);
    }
    return model;
}

MessageListModel *AccountSession::liveMessages(QObject *owner)
{
    auto *model = new MessageListModel(m_reader, owner);
    connect(this, &AccountSession::consultationsChanged, model, &MessageListModel::refresh);
    connect(m_worker, &CacheWorker::transcriptsChanged, model, &MessageListModel::refreshMessages);
    if (m_replies)
        connect(m_replies.get(), &Replies::itemChanged, model, &MessageListModel::applyOutboxItem);
    if (m_transcriber)
        connect(m_transcriber.get(), &Transcriber::transcribed, model,
                &MessageListModel::applyTranscript);
    return model;
}

ProposalListModel *AccountSession::proposals(QObject *owner)
{
    return new ProposalListModel(m_reader, owner);
}

SearchResultModel *AccountSession::searchResults(QObject *owner)
{
    return new SearchResultModel(m_reader, owner);
}

qint64 AccountSession::responderId() const
{
    return m_principal.id;
}

qint64 AccountSession::departmentId() const
{
    return m_principal.departmentId;
}

QString AccountSession::principalPath() const
{
    return m_account.folder(m_folder) + QStringLiteral("/principal.json");
}

void AccountSession::markRead(qint64 consultationId, qint64 lastMessageId)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, consultationId, lastMessageId] {
        worker->markRead(consultationId, lastMessageId);
    });
}

QString AccountSession::cachePath() const
{
    return m_account.cachePath(m_folder);
}

Expected<Unit, QString> AccountSession::start(const QString &token)
{
    if (!QDir().mkpath(m_account.folder(m_folder)))
        return QStringLiteral("cannot create the folder %1").arg(m_account.folder(m_folder));
    auto outbox = OutboxStore::open(m_account.outboxPath(m_folder));
    if (!outbox)
        return outbox.error();
    m_outbox = std::move(outbox.value());
    QFile saved(principalPath());
    if (saved.open(QIODevice::ReadOnly))
        m_principal = Principal::fromJson(QJsonDocument::fromJson(saved.readAll()).object())
                          .value_or(Principal{});
    if (auto scripts = startScripts(); !scripts)
        return scripts.error();
    m_sender = std::make_unique<OutboxSender>(*m_outbox, m_connection->client());
    m_replies = std::make_unique<Replies>(*m_outbox, *m_sender);
    m_voice = std::make_unique<VoiceMessages>(
        m_connection->client(), m_worker, m_account.folder(m_folder) + QStringLiteral("/voice"));
    m_transcriber = std::make_unique<Transcriber>(m_speechFactory, m_speechSettings,
                                                  m_voice->clips(), m_voice->fetcher(), m_worker);
    m_transcriber->setAlternatives(m_speechAlternatives);
    // A delivered recording is kept as the message's clip: replaying it needs no download.
    connect(m_sender.get(), &OutboxSender::acknowledged, this,
            [this](const OutboxItem &item, qint64 serverMessageId) {
                if (item.isVoice())
                    m_voice->clips().adopt(serverMessageId, item.voiceFile);
            });
    // Failures other than damage (a full disk) are for the status line; sync retries later.
    connect(m_worker, &CacheWorker::failed, this, [this](const QString &reason) {
        qCWarning(lcSession) << "cache:" << reason;
        Q_EMIT cacheFailed(reason);
    });
    QMetaObject::invokeMethod(m_worker, &CacheWorker::open);
    m_connection->setToken(token);
    m_connection->start();
    return Unit{};
}

void AccountSession::setSpeechEngine(const SpeechEngineFactory *factory,
                                     const QVariantMap &settings)
{
    m_speechFactory = factory;
    m_speechSettings = settings;
    if (m_transcriber)
        m_transcriber->setEngine(factory, settings);
}

void AccountSession::setSpeechAlternatives(const QList<Transcriber::Alternative> &alternatives)
{
    m_speechAlternatives = alternatives;
    if (m_transcriber)
        m_transcriber->setAlternatives(alternatives);
}

bool AccountSession::isScriptEditor() const
{
    return m_principal.scriptEditor;
}

// Undelivered script changes live in their own file beside the outbox; the library shows the
// cache's copies with those changes laid over, and the delivery takes them to the server.
Expected<Unit, QString> AccountSession::startScripts()
{
    auto store =
        ScriptLocalStore::open(m_account.folder(m_folder) + QStringLiteral("/scripts.sqlite"));
    if (!store)
        return store.error();
    m_scriptStore = std::move(store.value());
    m_scripts = std::make_unique<ScriptLibrary>(*m_scriptStore);
    m_scripts->setEditor(isScriptEditor());
    m_scriptDelivery =
        std::make_unique<ScriptDelivery>(*m_scriptStore, *m_scripts, m_connection->client());
    connect(m_worker, &CacheWorker::scriptsLoaded, m_scripts.get(), &ScriptLibrary::setSynced);
    return Unit{};
}

void AccountSession::onStateChanged(SessionConnection::State state)
{
    const bool online = state == SessionConnection::State::Online;
    if (m_sender)
        m_sender->setOnline(online);
    if (m_scriptDelivery)
        m_scriptDelivery->setOnline(online);
    if (online) {
        m_sync->start(CacheSync::responderStreams(
            m_connection->serverFeatures().contains(Feature::Transcripts)));
        if (m_transcriber)
            m_transcriber->setServerTranscribes(!m_connection->serverTranscription().isEmpty());
        if (m_statistics)
            m_statistics->signedIn();
    }
    const auto signedIn = Principal::fromJson(m_connection->principal());
    if (online && signedIn && signedIn->toJson() != m_principal.toJson()) {
        m_principal = *signedIn;
        QSaveFile file(principalPath());
        if (file.open(QIODevice::WriteOnly)) {
            file.write(QJsonDocument(m_principal.toJson()).toJson(QJsonDocument::Compact));
            file.commit();
        }
        if (m_scripts)
            m_scripts->setEditor(isScriptEditor());
        Q_EMIT principalChanged();
    }
    Q_EMIT stateChanged(state);
}

void AccountSession::signOut(std::function<void(bool revoked)> done)
{
    auto finish = [self = QPointer<AccountSession>(this), done](bool revoked) {
        if (self) {
            self->m_sync->stop();
            self->m_connection->stop();
        }
        done(revoked);
    };
    if (m_connection->state() != SessionConnection::State::Online)
        return finish(false);
    m_connection->client().request(Method::Logout, {}, [finish](const Frame &reply) {
        finish(reply.type == Frame::Type::Result);
    });
}
