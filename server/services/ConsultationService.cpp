#include "ConsultationService.h"

#include "AccessPolicy.h"
#include "Caller.h"
#include "app/protocol/Limits.h"
#include "app/protocol/Methods.h"
#include "app/protocol/ParamReader.h"
#include "app/sql/Transaction.h"

#include <QJsonArray>

namespace {

QJsonObject consultationResult(const ConsultationRecord &c, std::optional<bool> duplicate = {})
{
    QJsonObject result{{QStringLiteral("consultation"), c.toJson()}};
    if (duplicate)
        result.insert(QStringLiteral("duplicate"), *duplicate);
    return result;
}

// Another request changed the consultation between our check and our write.
ProtocolError lostRace(const std::optional<ConsultationRecord> &now)
{
    QJsonObject details;
    if (now) {
        details.insert(QStringLiteral("state"), now->state);
        if (now->assigneeId > 0)
            details.insert(QStringLiteral("assigneeId"), now->assigneeId);
    }
    return ProtocolError::make(ErrorCode::Conflict,
                               QStringLiteral("the consultation changed meanwhile"), details);
}

} // namespace

Expected<ConsultationRecord, ProtocolError> ConsultationService::visible(const Principal &principal,
                                                                         qint64 id) const
{
    const auto consultation = m_ctx.consultations.find(id);
    if (!consultation)
        return ProtocolError::make(ErrorCode::NotFound, QStringLiteral("no such consultation"));
    if (!m_ctx.consultations.canSee(principal, *consultation))
        return ProtocolError::make(ErrorCode::Forbidden, QStringLiteral("not your consultation"));
    return *consultation;
}

Reply ConsultationService::announce(qint64 id, const std::optional<MessageRecord> &systemMessage)
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
    Transaction transaction(m_ctx.database.connection());
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

    Transaction transaction(m_ctx.database.connection());
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
    const qint64 id = in.requireId(QLatin1String("consultationId"));
    if (!in.ok())
        return in.error();
    const Principal &p = connection.principal();
    const auto consultation = visible(p, id);
    if (!consultation)
        return consultation.error();
    if (auto refused = AccessPolicy::canClaim(p, *consultation))
        return *refused;

    const qint64 now = ServerContext::now();
    return applyChange(
        id, [&] { return m_ctx.consultations.claim(id, p.departmentId, p.id, now); },
        {{QStringLiteral("event"), QStringLiteral("claimed")},
         {QStringLiteral("responderId"), p.id}},
        now);
}

Reply ConsultationService::transfer(Caller &connection, const QJsonObject &params)
{
    ParamReader in(params);
    const qint64 id = in.requireId(QLatin1String("consultationId"));
    const QString reason = in.requireText(QLatin1String("reason"), 1);
    const auto toDepartment = in.optionalId(QLatin1String("toDepartmentId"));
    const auto toResponder = in.optionalId(QLatin1String("toResponderId"));
    if (!in.ok())
        return in.error();
    if (toDepartment.has_value() == toResponder.has_value())
        return ProtocolError::make(
            ErrorCode::BadRequest,
            QStringLiteral("give exactly one of 'toDepartmentId' or 'toResponderId'"));

    const Principal &p = connection.principal();
    const auto consultation = visible(p, id);
    if (!consultation)
        return consultation.error();
    if (auto refused = AccessPolicy::canTransfer(p, *consultation, toResponder.has_value()))
        return *refused;

    TransferRecord transfer{
        consultation->departmentId, consultation->assigneeId, 0, 0, reason.trimmed(), p.id,
        ServerContext::now()};
    if (toResponder) {
        const auto target = m_ctx.directory.responder(*toResponder);
        if (!target)
            return ProtocolError::make(ErrorCode::NotFound, QStringLiteral("no such responder"));
        if (target->id == consultation->assigneeId)
            return ProtocolError::make(ErrorCode::BadRequest,
                                       QStringLiteral("that responder already holds it"));
        transfer.toDepartmentId = target->departmentId;
        transfer.toResponderId = target->id;
    } else {
        if (!m_ctx.directory.departmentExists(*toDepartment))
            return ProtocolError::make(ErrorCode::NotFound, QStringLiteral("no such department"));
        if (*toDepartment == consultation->departmentId &&
            consultation->state == QLatin1String("waiting"))
            return ProtocolError::make(ErrorCode::BadRequest,
                                       QStringLiteral("the consultation is already waiting there"));
        transfer.toDepartmentId = *toDepartment;
    }

    QJsonObject payload = transfer.toJson();
    payload.remove(QStringLiteral("at"));
    payload.insert(QStringLiteral("event"), QStringLiteral("transferred"));
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
    const qint64 id = in.requireId(QLatin1String("consultationId"));
    const QString summary = in.optionalText(QLatin1String("summary"));
    if (!in.ok())
        return in.error();
    const Principal &p = connection.principal();
    const auto consultation = visible(p, id);
    if (!consultation)
        return consultation.error();
    if (auto refused = AccessPolicy::canClose(p, *consultation))
        return *refused;

    const qint64 now = ServerContext::now();
    return applyChange(
        id, [&] { return m_ctx.consultations.close(id, summary.trimmed(), now); },
        {{QStringLiteral("event"), QStringLiteral("closed")},
         {QStringLiteral("responderId"), p.id},
         {QStringLiteral("summary"), summary.trimmed()}},
        now);
}

Reply ConsultationService::rate(Caller &connection, const QJsonObject &params)
{
    ParamReader in(params);
    const qint64 id = in.requireId(QLatin1String("consultationId"));
    const int rating = static_cast<int>(in.requireInt(QLatin1String("rating"), 1, 5));
    const QString comment = in.optionalText(QLatin1String("comment"));
    if (!in.ok())
        return in.error();
    const Principal &p = connection.principal();
    const auto consultation = visible(p, id);
    if (!consultation)
        return consultation.error();
    if (auto refused = AccessPolicy::canRate(p, *consultation))
        return *refused;

    const qint64 now = ServerContext::now();
    return applyChange(
        id, [&] { return m_ctx.consultations.rate(id, rating, comment.trimmed(), now); },
        {{QStringLiteral("event"), QStringLiteral("rated")}, {QStringLiteral("rating"), rating}},
        now);
}

Reply ConsultationService::history(Caller &connection, const QJsonObject &params)
{
    ParamReader in(params);
    const qint64 id = in.requireId(QLatin1String("consultationId"));
    const qint64 beforeId = in.optionalId(QLatin1String("beforeId")).value_or(0);
    const int limit = static_cast<int>(in.optionalInt(
        QLatin1String("limit"), 1, Limits::maxPageSize, Limits::defaultHistoryLimit));
    if (!in.ok())
        return in.error();
    const auto consultation = visible(connection.principal(), id);
    if (!consultation)
        return consultation.error();
    bool more = false;
    QJsonArray messages;
    for (const MessageRecord &m : m_ctx.messages.history(id, beforeId, limit, &more))
        messages.append(m.toJson());
    return QJsonObject{{QStringLiteral("messages"), messages}, {QStringLiteral("more"), more}};
}
