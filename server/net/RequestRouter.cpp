#include "RequestRouter.h"

#include "Connection.h"
#include "app/protocol/Limits.h"
#include "app/protocol/Methods.h"
#include "app/protocol/ParamReader.h"
#include "app/protocol/ProtocolVersion.h"

#include <QCoreApplication>
#include <QJsonArray>

RequestRouter::RequestRouter(ServerContext &context)
    : m_ctx(context)
    , m_auth(context)
    , m_sync(context)
    , m_consultations(context)
    , m_messages(context, m_consultations)
    , m_voice(context, m_consultations)
    , m_scripts(context)
    , m_stats(context)
    , m_transcripts(context, m_consultations)
{
    registerHandlers();
}

void RequestRouter::registerHandlers()
{
    using namespace std::placeholders;
    m_handlers.insert(Method::Logout, std::bind(&AuthService::logout, &m_auth, _1, _2));
    m_handlers.insert(Method::SyncPull, std::bind(&SyncService::pull, &m_sync, _1, _2));
    m_handlers.insert(Method::ConsultationCreate,
                      std::bind(&ConsultationService::create, &m_consultations, _1, _2));
    m_handlers.insert(Method::ConsultationClaim,
                      std::bind(&ConsultationService::claim, &m_consultations, _1, _2));
    m_handlers.insert(Method::ConsultationTransfer,
                      std::bind(&ConsultationService::transfer, &m_consultations, _1, _2));
    m_handlers.insert(Method::ConsultationClose,
                      std::bind(&ConsultationService::close, &m_consultations, _1, _2));
    m_handlers.insert(Method::ConsultationRate,
                      std::bind(&ConsultationService::rate, &m_consultations, _1, _2));
    m_handlers.insert(Method::MessagesHistory,
                      std::bind(&ConsultationService::history, &m_consultations, _1, _2));
    m_handlers.insert(Method::MessageSend, std::bind(&MessageService::send, &m_messages, _1, _2));
    m_handlers.insert(Method::VoiceBegin, std::bind(&VoiceService::begin, &m_voice, _1, _2));
    m_handlers.insert(Method::VoiceCommit, std::bind(&VoiceService::commit, &m_voice, _1, _2));
    m_handlers.insert(Method::VoiceFetch, std::bind(&VoiceService::fetch, &m_voice, _1, _2));
    m_handlers.insert(Method::ScriptsSave, std::bind(&ScriptService::save, &m_scripts, _1, _2));
    m_handlers.insert(Method::ScriptsDelete, std::bind(&ScriptService::remove, &m_scripts, _1, _2));
    m_handlers.insert(Method::RepliesDiscarded,
                      std::bind(&MessageService::reportDiscarded, &m_messages, _1, _2));
    m_handlers.insert(Method::TranscriptCorrect,
                      std::bind(&TranscriptService::correct, &m_transcripts, _1, _2));
    m_handlers.insert(Method::StatsDashboard,
                      std::bind(&StatsService::dashboard, &m_stats, _1, _2));
    m_handlers.insert(Method::StatsTargets, std::bind(&StatsService::targets, &m_stats, _1, _2));
}

void RequestRouter::hello(Connection &connection, const Frame &frame)
{
    if (connection.isHandshaken()) {
        connection.sendError(frame.id, ProtocolError::make(ErrorCode::BadRequest,
                                                           QStringLiteral("already greeted")));
        return;
    }
    ParamReader in(frame.payload);
    const QList<int> offered = in.requireIntList(QLatin1String("versions"), 16);
    if (!in.ok()) {
        connection.sendError(frame.id, in.error());
        return;
    }
    const auto version = ProtocolVersion::negotiate(offered);
    if (!version) {
        QJsonArray supported;
        for (int v : ProtocolVersion::supported())
            supported.append(v);
        connection.sendError(frame.id,
                             ProtocolError::make(ErrorCode::UnsupportedVersion,
                                                 QStringLiteral("no common protocol version"),
                                                 {{QStringLiteral("supported"), supported}}));
        connection.closeWith(CloseCode::ProtocolViolation, QStringLiteral("unsupported version"));
        return;
    }
    connection.setVersion(*version);
    const QJsonObject limits{
        {QStringLiteral("maxFrameBytes"), Limits::maxFrameBytes},
        {QStringLiteral("maxTextChars"), Limits::maxTextChars},
        {QStringLiteral("maxVoiceBytes"), Limits::maxVoiceBytes},
        {QStringLiteral("maxVoiceMs"), Limits::maxVoiceMs},
        {QStringLiteral("maxRepresentativeVoiceMs"), m_ctx.limits.maxRepresentativeVoiceMs},
        {QStringLiteral("voiceChunkBytes"), Limits::voiceChunkBytes},
        {QStringLiteral("maxPageSize"), Limits::maxPageSize},
        {QStringLiteral("ratePerSecond"), m_ctx.limits.ratePerSecond},
        {QStringLiteral("rateBurst"), m_ctx.limits.rateBurst}};
    QJsonObject result{{QStringLiteral("version"), *version},
                       {QStringLiteral("server"),
                        QStringLiteral("consult-server/") + QCoreApplication::applicationVersion()},
                       {QStringLiteral("serverTime"), ServerContext::now()},
                       {QStringLiteral("limits"), limits},
                       {QStringLiteral("features"), QJsonArray::fromStringList(Feature::all())}};
    if (m_ctx.transcription)
        result.insert(QStringLiteral("transcription"), m_ctx.transcription->description());
    connection.sendResult(frame.id, result);
}

void RequestRouter::handle(Connection &connection, const Frame &frame)
{
    if (frame.method == Method::Hello) {
        hello(connection, frame);
        return;
    }
    if (!connection.isHandshaken()) {
        connection.refuseBeforeHandshake(frame.id);
        return;
    }
    if (frame.method == Method::Ping) {
        connection.sendResult(frame.id, {{QStringLiteral("serverTime"), ServerContext::now()}});
        return;
    }
    if (frame.method == Method::Login || frame.method == Method::RepLogin) {
        m_auth.login(connection, frame,
                     frame.method == Method::Login ? Principal::Kind::Responder
                                                   : Principal::Kind::Representative);
        return;
    }
    if (frame.method == Method::Resume) {
        const Reply reply = m_auth.resume(connection, frame.payload);
        reply ? connection.sendResult(frame.id, reply.value())
              : connection.sendError(frame.id, reply.error());
        return;
    }
    const auto handler = m_handlers.constFind(frame.method);
    if (handler == m_handlers.cend()) {
        connection.sendError(
            frame.id, ProtocolError::make(ErrorCode::UnknownMethod,
                                          QStringLiteral("unknown method '%1'").arg(frame.method)));
        return;
    }
    if (!connection.principal().isSignedIn()) {
        connection.sendError(frame.id, ProtocolError::make(ErrorCode::NotAuthenticated,
                                                           QStringLiteral("sign in first")));
        return;
    }
    const Reply reply = (*handler)(connection, frame.payload);
    if (!reply) {
        connection.sendError(frame.id, reply.error());
        return;
    }
    connection.sendResult(frame.id, reply.value());
}

void RequestRouter::handleBinary(Connection &connection, const QByteArray &bytes)
{
    if (!connection.principal().isSignedIn()) {
        connection.sendError(
            {}, ProtocolError::make(ErrorCode::NotAuthenticated, QStringLiteral("sign in first")));
        return;
    }
    m_voice.chunk(connection, bytes);
}
