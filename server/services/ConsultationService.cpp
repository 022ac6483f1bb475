#include "ConsultationService.h"

#include "AccessPolicy.h"
#include "Caller.h"
#include "app/protocol/Limits.h"
#include "app/protocol/Methods.h"
#include "app/protocol/ParamReader.h"
#include "app/protocol/Requests.h"
#include "server/storage/WriteTransaction.h"

#include <QJsonArray>

namespace {

QJsonObject consultationResult(const Consultation &c, std::optional<bool> duplicate = {})
{
    QJsonObject result{{QStringLiteral("consultation"), c.toJson()}};
    if (duplicate)
        result.insert(QStringLiteral("duplicate"), *duplicate);
    return result;
}

// Another request changed the consultation between our check and our write.
ProtocolError lostRace(const std::optional<Consultation> &now)
{
    QJsonObject details;
    if (now) {
        details.insert(QStringLiteral("state"), wireName(now->state));
        if (now->assigneeId > 0)
            details.insert(QStringLiteral("assigneeId"), now->assigneeId);
    }
    return ProtocolError::make(ErrorCode::Conflict,
                               QStringLiteral("the consultation changed meanwhile"), details);
}

} // namespace

Expected<Consultation, ProtocolError> ConsultationService::visible(const Principal &principal,
                                                                   qint64 id) const
{
    const auto consultation = m_ctx.consultations.find(id);
    if (!consultation)
        return ProtocolError::make(ErrorCode::NotFound, QStringLiteral("no such consultation"));
    if (!m_ctx.consultations.canSee(principal, *consultation))
        return ProtocolError::make(ErrorCode::Forbidden, QStringLiteral("not your consultation"));
    return *consultation;
}

Reply ConsultationService::announce(qint64 id, const std::optional<Message> &systemMessage)
{
    const auto consultation = m_ctx.consultations.find(id);
    if (!consultation)
        return internalError();
    m_ctx.events.consultationChanged(Event::ConsultationUpdated, *consultation);
    if (systemMessage)
        m_ctx.events.messageCreated(*consultation, *systemMessage);
    return consultationResult(*consultation);
}

Reply ConsultationService::applyChange(qint64 id, const std::function<bool()> &change,
                                       const QJsonObject &systemPayload, qint64 now)
{
    WriteTransaction transaction(m_ctx.database);
    if (!transaction.isOpen())
        return internalError();
    if (!change())
        return lostRace(m_ctx.consultations.find(id));
    const auto message = m_ctx.messages.insertSystem(id, systemPayload, now);
    if (!message || !transaction.commit())
        return internalError();
    return announce(id, message);
}

Reply ConsultationService::create(Caller &connection, const QJsonObject &params)
{
    const Principal &p = connection.principal();
    if (!p.isRepresentative())
        return ProtocolError::make(ErrorCode::Forbidden,
                                   QStringLiteral("only representatives open consultations"));
    ParamReader in(params);
    const qint64 departmentId = in.requireId(QLatin1String("departmentId"));
    const QString subject = in.requireText(QLatin1String("subject"), 1);
    const QString clientId =
        in.requireString(QLatin1String("clientId"), 1, Limits::maxClientIdChars);
    if (!in.ok())
        return in.error();

    if (const auto existing = m_ctx.consultations.findByClientId(p.id, clientId))
        return consultationResult(*existing, true);
    if (!m_ctx.directory.departmentExists(departmentId))
        return ProtocolError::make(ErrorCode::NotFound, QStringLiteral("no such department"));

    WriteTransaction transaction(m_ctx.database);
    if (!transaction.isOpen())
        return internalError();
    const auto id = m_ctx.consultations.create(p.id, departmentId, subject.trimmed(), clientId,
                                               ServerContext::now());
    if (!id || !transaction.commit())
        return internalError();
    const auto created = m_ctx.consultations.find(*id);
    if (!created)
        return internalError();
    m_ctx.events.consultationChanged(Event::ConsultationCreated, *created);
    return consultationResult(*created, false);
}

Reply ConsultationService::claim(Caller &connection, const QJsonObject &params)
{
    ParamReader in(params);
    const qint64 id = ClaimRequest::read(in).consultationId;
    if (!in.ok())
        return in.error();
    const Principal &p = connection.principal();
    const auto consultation = visible(p, id);
    if (!consultation)
        return consultation.error();
    if (auto refused = AccessPolicy::check(ConsultationAction::Claim, p, *consultation))
        return *refused;

    const qint64 now = ServerContext::now();
    return applyChange(
        id, [&] { return m_ctx.consultations.claim(id, p.departmentId, p.id, now); },
        {{QStringLiteral("event"), wireName(SystemEvent::Claimed)},
         {QStringLiteral("responderId"), p.id}},
        now);
}

Reply ConsultationService::transfer(Caller &connection, const QJsonObject &params)
{
    ParamReader in(params);
    const TransferRequest request = TransferRequest::read(in);
    if (!in.ok())
        return in.error();
    const qint64 id = request.consultationId;
    const bool toPerson = request.toResponderId > 0;

    const Principal &p = connection.principal();
    const auto consultation = visible(p, id);
    if (!consultation)
        return consultation.error();
    if (auto refused = AccessPolicy::check(toPerson ? ConsultationAction::TransferToResponder
                                                    : ConsultationAction::TransferToDepartment,
                                           p, *consultation))
        return *refused;

    Transfer transfer{
        consultation->departmentId, consultation->assigneeId, 0, 0, request.reason, p.id,
        ServerContext::now()};
    if (toPerson) {
        const auto target = m_ctx.directory.responder(request.toResponderId);
        if (!target)
            return ProtocolError::make(ErrorCode::NotFound, QStringLiteral("no such responder"));
        if (target->id == consultation->assigneeId)
            return ProtocolError::make(ErrorCode::BadRequest,
                                       QStringLiteral("that responder already holds it"));
        transfer.toDepartmentId = target->departmentId;
        transfer.toResponderId = target->id;
    } else {
        if (!m_ctx.directory.departmentExists(request.toDepartmentId))
            return ProtocolError::make(ErrorCode::NotFound, QStringLiteral("no such department"));
        if (request.toDepartmentId == consultation->departmentId &&
            consultation->state == ConsultationState::Waiting)
            return ProtocolError::make(ErrorCode::BadRequest,
                                       QStringLiteral("the consultation is already waiting there"));
        transfer.toDepartmentId = request.toDepartmentId;
    }

    QJsonObject payload = transfer.toJson();
    payload.remove(QStringLiteral("at"));
    payload.insert(QStringLiteral("event"), wireName(SystemEvent::Transferred));
    const Reply reply = applyChange(
        id, [&] { return m_ctx.consultations.transfer(*consultation, transfer); }, payload,
        transfer.at);
    if (const auto after = m_ctx.consultations.find(id); reply && after)
        m_ctx.events.consultationLeft(*after, m_ctx.consultations.departuresAt(after->seq));
    return reply;
}

Reply ConsultationService::close(Caller &connection, const QJsonObject &params)
{
    ParamReader in(params);
    const CloseRequest request = CloseRequest::read(in);
    if (!in.ok())
        return in.error();
    const qint64 id = request.consultationId;
    const Principal &p = connection.principal();
    const auto consultation = visible(p, id);
    if (!consultation)
        return consultation.error();
    if (auto refused = AccessPolicy::check(ConsultationAction::Close, p, *consultation))
        return *refused;

    const qint64 now = ServerContext::now();
    return applyChange(
        id, [&] { return m_ctx.consultations.close(id, request.summary, now); },
        {{QStringLiteral("event"), wireName(SystemEvent::Closed)},
         {QStringLiteral("responderId"), p.id},
         {QStringLiteral("summary"), request.summary}},
        now);
}

Reply ConsultationService::rate(Caller &connection, const QJsonObject &params)
{
    ParamReader in(params);
    const RateRequest request = RateRequest::read(in);
    if (!in.ok())
        return in.error();
    const qint64 id = request.consultationId;
    const Principal &p = connection.principal();
    const auto consultation = visible(p, id);
    if (!consultation)
        return consultation.error();
    if (auto refused = AccessPolicy::check(ConsultationAction::Rate, p, *consultation))
        return *refused;

    const qint64 now = ServerContext::now();
    return applyChange(
        id, [&] { return m_ctx.consultations.rate(id, request.rating, request.comment, now); },
        {{QStringLiteral("event"), wireName(SystemEvent::Rated)},
         {QStringLiteral("rating"), request.rating}},
        now);
}

Reply ConsultationService::history(Caller &connection, const QJsonObject &params)
{
    ParamReader in(params);
    const HistoryRequest request = HistoryRequest::read(in);
    if (!in.ok())
        return in.error();
    const qint64 id = request.consultationId;
    const qint64 beforeId = request.beforeId;
    const int limit = request.limit;
    const auto consultation = visible(connection.principal(), id);
    if (!consultation)
        return consultation.error();
    bool more = false;
    QJsonArray messages;
    for (const Message &m : m_ctx.messages.history(id, beforeId, limit, &more))
        messages.append(m.toJson());
    return QJsonObject{{QStringLiteral("messages"), messages}, {QStringLiteral("more"), more}};
}
