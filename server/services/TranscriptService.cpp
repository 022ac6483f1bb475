#include "TranscriptService.h"

#include "Caller.h"
#include "ConsultationService.h"
#include "app/protocol/Limits.h"
#include "app/protocol/ParamReader.h"
#include "server/storage/WriteTransaction.h"

namespace {
QJsonObject transcriptResult(const VoiceTranscript &transcript, bool duplicate)
{
    return {{QStringLiteral("transcript"), transcript.toJson()},
            {QStringLiteral("duplicate"), duplicate}};
}
} // namespace

Reply TranscriptService::correct(Caller &connection, const QJsonObject &params)
{
    ParamReader in(params);
    const qint64 messageId = in.requireId(QLatin1String("messageId"));
    const QString editId = in.requireString(QLatin1String("editId"), 1, Limits::maxClientIdChars);
    const qint64 baseRevision = in.requireInt(QLatin1String("baseRevision"), 0, 1LL << 40);
    const QString text = in.optionalText(QLatin1String("text")).trimmed();
    if (!in.ok())
        return in.error();
    const Principal &p = connection.principal();
    if (!p.isResponder())
        return ProtocolError::make(ErrorCode::Forbidden,
                                   QStringLiteral("only responders correct transcripts"));
    const auto message = m_ctx.messages.find(messageId);
    if (!message)
        return ProtocolError::make(ErrorCode::NotFound, QStringLiteral("no such message"));
    const auto consultation = m_consultations.visible(p, message->consultationId);
    if (!consultation)
        return consultation.error();
    if (message->kind != MessageKind::Voice)
        return ProtocolError::make(ErrorCode::BadRequest,
                                   QStringLiteral("the message is not a voice message"));

    const auto current = m_ctx.transcripts.find(messageId);
    if (current && m_ctx.transcripts.lastEditId(messageId) == editId)
        return transcriptResult(*current, true); // a resend of the change that was applied
    const int revision = current ? current->revision : 0;
    if (revision != baseRevision)
        return ProtocolError::make(
            ErrorCode::Conflict, QStringLiteral("the transcript changed since"),
            {{QStringLiteral("state"), QStringLiteral("changed")},
             {QStringLiteral("transcript"), current ? current->toJson() : QJsonObject()}});

    WriteTransaction transaction(m_ctx.database);
    if (!transaction.isOpen())
        return internalError();
    const auto stored = m_ctx.transcripts.correct(messageId, message->consultationId, text, p.id,
                                                  editId, ServerContext::now());
    if (!stored || !transaction.commit())
        return internalError();
    m_ctx.events.transcriptChanged(*consultation, *stored);
    return transcriptResult(*stored, false);
}
