#include "MessageService.h"

#include "AccessPolicy.h"
#include "Caller.h"
#include "ConsultationService.h"
#include "app/protocol/Limits.h"
#include "app/protocol/ParamReader.h"
#include "app/protocol/Requests.h"
#include "app/sql/Transaction.h"

QJsonObject messageResult(const Message &message, bool duplicate)
{
    return {{QStringLiteral("message"), message.toJson()},
            {QStringLiteral("duplicate"), duplicate}};
}

Reply MessageService::send(Caller &connection, const QJsonObject &params)
{
    ParamReader in(params);
    const auto [consultationId, clientMsgId, text] = SendTextRequest::read(in);
    if (!in.ok())
        return in.error();
    const Principal &p = connection.principal();

    // A resend of something already stored is answered before any state check: the first
    // attempt succeeded, whatever happened to the consultation since.
    if (const auto existing = m_ctx.messages.findByClientMsgId(p, clientMsgId))
        return messageResult(*existing, true);

    const auto consultation = m_consultations.visible(p, consultationId);
    if (!consultation)
        return consultation.error();
    if (auto refused = AccessPolicy::check(ConsultationAction::Reply, p, *consultation))
        return *refused;

    Transaction transaction(m_ctx.database.connection());
    if (!transaction.isOpen())
        return internalError();
    const auto message =
        m_ctx.messages.insertText(consultationId, p, clientMsgId, text, ServerContext::now());
    if (!message || !transaction.commit())
        return internalError();
    m_ctx.events.messageCreated(*consultation, *message);
    return messageResult(*message, false);
}
