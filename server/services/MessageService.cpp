#include "MessageService.h"

#include "AccessPolicy.h"
#include "Caller.h"
#include "ConsultationService.h"
#include "app/protocol/Limits.h"
#include "app/protocol/ParamReader.h"
#include "app/sql/Transaction.h"

QJsonObject messageResult(const MessageRecord &message, bool duplicate)
{
    return {{QStringLiteral("message"), message.toJson()},
            {QStringLiteral("duplicate"), duplicate}};
}

Reply MessageService::send(Caller &connection, const QJsonObject &params)
{
    ParamReader in(params);
    const qint64 consultationId = in.requireId(QLatin1String("consultationId"));
    const QString clientMsgId =
        in.requireString(QLatin1String("clientMsgId"), 1, Limits::maxClientIdChars);
    const QString text = in.requireText(QLatin1String("text"), 1);
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
    if (auto refused = AccessPolicy::canSend(p, *consultation))
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
