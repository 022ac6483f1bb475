#include "MessageService.h"

#include "AccessPolicy.h"
#include "Caller.h"
#include "ConsultationService.h"
#include "app/protocol/Limits.h"
#include "app/protocol/ParamReader.h"
#include "app/protocol/Requests.h"
#include "server/storage/WriteTransaction.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcMessages, "consult.messages")

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

    WriteTransaction transaction(m_ctx.database);
    if (!transaction.isOpen())
        return internalError();
    const auto message =
        m_ctx.messages.insertText(consultationId, p, clientMsgId, text, ServerContext::now());
    if (!message || !transaction.commit())
        return internalError();
    m_ctx.events.messageCreated(*consultation, *message);
    return messageResult(*message, false);
}

Reply MessageService::reportDiscarded(Caller &connection, const QJsonObject &params)
{
    const Principal &p = connection.principal();
    if (!p.isResponder())
        return ProtocolError::make(
            ErrorCode::Forbidden,
            QStringLiteral("only responders' desks report discarded replies"));
    ParamReader in(params);
    const DiscardedRepliesRequest request = DiscardedRepliesRequest::read(in);
    if (!in.ok())
        return in.error();

    int recorded = 0;
    int duplicates = 0;
    int unknown = 0;
    int delivered = 0;
    WriteTransaction transaction(m_ctx.database);
    if (!transaction.isOpen())
        return internalError();
    const qint64 now = ServerContext::now();
    for (const DiscardedReplyStore::Reply &reply : request.replies) {
        // The reporter may be a colleague of another department (the next officer at the
        // desk): the record is kept for any consultation that exists, and reveals nothing.
        if (!m_ctx.consultations.find(reply.consultationId)) {
            ++unknown;
            continue;
        }
        switch (m_ctx.discarded.insert(reply, p.id, now)) {
        case DiscardedReplyStore::Outcome::Recorded:
            ++recorded;
            break;
        case DiscardedReplyStore::Outcome::Duplicate:
            ++duplicates;
            break;
        case DiscardedReplyStore::Outcome::Delivered:
            ++delivered;
            break;
        case DiscardedReplyStore::Outcome::Failed:
            return internalError();
        }
    }
    if (!transaction.commit())
        return internalError();
    if (recorded > 0)
        qCWarning(lcMessages).noquote()
            << "replies discarded undelivered at a shared desk: recorded=" << recorded
            << "reported_by=" << p.id;
    return QJsonObject{{QStringLiteral("recorded"), recorded},
                       {QStringLiteral("duplicates"), duplicates},
                       {QStringLiteral("unknown"), unknown},
                       {QStringLiteral("delivered"), delivered}};
}
