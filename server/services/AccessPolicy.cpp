#include "AccessPolicy.h"

namespace AccessPolicy {
namespace {

ProtocolError forbidden(const QString &message)
{
    return ProtocolError::make(ErrorCode::Forbidden, message);
}

// The server's wording of each refusal (the console words its own, translated).
QString messageFor(ConsultationAction action, ActionVerdict::Reason reason)
{
    using Reason = ActionVerdict::Reason;
    switch (reason) {
    case Reason::Closed:
        return action == ConsultationAction::Close
                   ? QStringLiteral("the consultation is already closed")
                   : QStringLiteral("the consultation is closed");
    case Reason::ClaimFirst:
        return QStringLiteral("claim the consultation before replying");
    case Reason::NotWaiting:
        return QStringLiteral("the consultation is not waiting");
    case Reason::NotClosed:
        return QStringLiteral("a consultation is rated after it is closed");
    case Reason::AlreadyRated:
        return QStringLiteral("the consultation is already rated");
    case Reason::NotAsker:
        return action == ConsultationAction::Rate
                   ? QStringLiteral("only the representative who asked may rate")
                   : QStringLiteral("not your consultation");
    case Reason::NotResponder:
    case Reason::NotDepartment:
    case Reason::NotHolder:
    case Reason::None:
        break;
    }
    switch (action) {
    case ConsultationAction::Reply:
        return QStringLiteral("only the responder holding the consultation may reply");
    case ConsultationAction::Claim:
        return QStringLiteral("only responders of the consultation's department may claim it");
    case ConsultationAction::TransferToDepartment:
    case ConsultationAction::TransferToResponder:
        return reason == Reason::NotResponder
                   ? QStringLiteral("only responders transfer consultations")
                   : QStringLiteral(
                         "only the holder or the department lead may transfer this consultation");
    case ConsultationAction::Close:
        return reason == Reason::NotResponder
                   ? QStringLiteral("only responders close consultations")
                   : QStringLiteral(
                         "only the holder or the department lead may close this consultation");
    case ConsultationAction::Rate:
        break;
    }
    return QStringLiteral("not allowed");
}

} // namespace

std::optional<ProtocolError> check(ConsultationAction action, const Principal &p,
                                   const Consultation &c)
{
    const ActionVerdict verdict = judge(action, p, c);
    switch (verdict.outcome) {
    case ActionVerdict::Outcome::Allowed:
        return std::nullopt;
    case ActionVerdict::Outcome::Forbidden:
        return forbidden(messageFor(action, verdict.reason));
    case ActionVerdict::Outcome::Conflict:
        break;
    }
    QJsonObject details{{QStringLiteral("state"), wireName(c.state)}};
    if (c.assigneeId > 0)
        details.insert(QStringLiteral("assigneeId"), c.assigneeId);
    return ProtocolError::make(ErrorCode::Conflict, messageFor(action, verdict.reason), details);
}

std::optional<ProtocolError> canWriteScript(const Principal &p, const QString &scope,
                                            qint64 departmentId, qint64 ownerId)
{
    if (!p.isResponder())
        return forbidden(QStringLiteral("reply scripts are for responders"));
    if (scope == wireName(ScriptScope::Personal)) {
        if (ownerId != p.id)
            return forbidden(QStringLiteral("a personal script is its owner's"));
        return std::nullopt;
    }
    if (departmentId != p.departmentId || !p.scriptEditor)
        return forbidden(QStringLiteral("only the department's script editors may change its"
                                        " scripts"));
    return std::nullopt;
}

} // namespace AccessPolicy
