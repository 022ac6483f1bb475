#include "AccessPolicy.h"

namespace AccessPolicy {
namespace {

ProtocolError forbidden(const QString &message)
{
    return ProtocolError::make(ErrorCode::Forbidden, message);
}

ProtocolError conflict(const ConsultationRecord &c, const QString &message)
{
    QJsonObject details{{QStringLiteral("state"), c.state}};
    if (c.assigneeId > 0)
        details.insert(QStringLiteral("assigneeId"), c.assigneeId);
    return ProtocolError::make(ErrorCode::Conflict, message, details);
}

bool isLeadOf(const Principal &p, const ConsultationRecord &c)
{
    return p.isResponder() && p.lead && p.departmentId == c.departmentId;
}

bool isAssignee(const Principal &p, const ConsultationRecord &c)
{
    return p.isResponder() && c.state == QLatin1String("claimed") && c.assigneeId == p.id;
}

bool isClosed(const ConsultationRecord &c)
{
    return c.state == QLatin1String("closed");
}

} // namespace

std::optional<ProtocolError> canSend(const Principal &p, const ConsultationRecord &c)
{
    if (isClosed(c))
        return conflict(c, QStringLiteral("the consultation is closed"));
    if (p.isRepresentative())
        return std::nullopt;
    if (c.state == QLatin1String("waiting"))
        return conflict(c, QStringLiteral("claim the consultation before replying"));
    if (!isAssignee(p, c))
        return forbidden(QStringLiteral("only the responder holding the consultation may reply"));
    return std::nullopt;
}

std::optional<ProtocolError> canClaim(const Principal &p, const ConsultationRecord &c)
{
    if (!p.isResponder() || p.departmentId != c.departmentId)
        return forbidden(
            QStringLiteral("only responders of the consultation's department may claim it"));
    if (c.state != QLatin1String("waiting"))
        return conflict(c, QStringLiteral("the consultation is not waiting"));
    return std::nullopt;
}

std::optional<ProtocolError> canTransfer(const Principal &p, const ConsultationRecord &c,
                                         bool toPerson)
{
    if (!p.isResponder())
        return forbidden(QStringLiteral("only responders transfer consultations"));
    if (isClosed(c))
        return conflict(c, QStringLiteral("the consultation is closed"));
    if (isLeadOf(p, c) || isAssignee(p, c))
        return std::nullopt;
    const bool triage =
        !toPerson && c.state == QLatin1String("waiting") && p.departmentId == c.departmentId;
    if (triage)
        return std::nullopt;
    return forbidden(
        QStringLiteral("only the holder or the department lead may transfer this consultation"));
}

std::optional<ProtocolError> canClose(const Principal &p, const ConsultationRecord &c)
{
    if (!p.isResponder())
        return forbidden(QStringLiteral("only responders close consultations"));
    if (isClosed(c))
        return conflict(c, QStringLiteral("the consultation is already closed"));
    if (isLeadOf(p, c) || isAssignee(p, c))
        return std::nullopt;
    return forbidden(
        QStringLiteral("only the holder or the department lead may close this consultation"));
}

std::optional<ProtocolError> canRate(const Principal &p, const ConsultationRecord &c)
{
    if (!p.isRepresentative() || p.id != c.representativeId)
        return forbidden(QStringLiteral("only the representative who asked may rate"));
    if (!isClosed(c))
        return conflict(c, QStringLiteral("a consultation is rated after it is closed"));
    if (c.rating > 0)
        return conflict(c, QStringLiteral("the consultation is already rated"));
    return std::nullopt;
}

std::optional<ProtocolError> canWriteScript(const Principal &p, const QString &scope,
                                            qint64 departmentId, qint64 ownerId)
{
    if (!p.isResponder())
        return forbidden(QStringLiteral("reply scripts are for responders"));
    if (scope == QLatin1String("personal")) {
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
