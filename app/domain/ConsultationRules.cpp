#include "ConsultationRules.h"

namespace {

using Outcome = ActionVerdict::Outcome;
using Reason = ActionVerdict::Reason;

constexpr ActionVerdict allowed{Outcome::Allowed, Reason::None};

constexpr ActionVerdict forbidden(Reason reason)
{
    return {Outcome::Forbidden, reason};
}

constexpr ActionVerdict conflict(Reason reason)
{
    return {Outcome::Conflict, reason};
}

bool isLeadOf(const Principal &p, const Consultation &c)
{
    return p.isResponder() && p.lead && p.departmentId == c.departmentId;
}

bool isHolder(const Principal &p, const Consultation &c)
{
    return p.isResponder() && c.isHeldBy(p.id);
}

bool isClosed(const Consultation &c)
{
    return c.state == ConsultationState::Closed;
}

ActionVerdict reply(const Principal &p, const Consultation &c)
{
    if (isClosed(c))
        return conflict(Reason::Closed);
    if (p.isRepresentative())
        return p.id == c.representativeId ? allowed : forbidden(Reason::NotAsker);
    if (c.state == ConsultationState::Waiting)
        return p.departmentId == c.departmentId ? conflict(Reason::ClaimFirst)
                                                : forbidden(Reason::NotDepartment);
    return isHolder(p, c) ? allowed : forbidden(Reason::NotHolder);
}

ActionVerdict claim(const Principal &p, const Consultation &c)
{
    if (!p.isResponder())
        return forbidden(Reason::NotResponder);
    if (p.departmentId != c.departmentId)
        return forbidden(Reason::NotDepartment);
    if (c.state != ConsultationState::Waiting)
        return conflict(isClosed(c) ? Reason::Closed : Reason::NotWaiting);
    return allowed;
}

ActionVerdict transfer(const Principal &p, const Consultation &c, bool toPerson)
{
    if (!p.isResponder())
        return forbidden(Reason::NotResponder);
    if (isClosed(c))
        return conflict(Reason::Closed);
    if (isLeadOf(p, c) || isHolder(p, c))
        return allowed;
    // Triage: anyone of the department may send a waiting one on to another department.
    if (!toPerson && c.state == ConsultationState::Waiting && p.departmentId == c.departmentId)
        return allowed;
    return forbidden(p.departmentId == c.departmentId ? Reason::NotHolder : Reason::NotDepartment);
}

ActionVerdict close(const Principal &p, const Consultation &c)
{
    if (!p.isResponder())
        return forbidden(Reason::NotResponder);
    if (isClosed(c))
        return conflict(Reason::Closed);
    if (isLeadOf(p, c) || isHolder(p, c))
        return allowed;
    return forbidden(p.departmentId == c.departmentId ? Reason::NotHolder : Reason::NotDepartment);
}

ActionVerdict rate(const Principal &p, const Consultation &c)
{
    if (!p.isRepresentative() || p.id != c.representativeId)
        return forbidden(Reason::NotAsker);
    if (!isClosed(c))
        return conflict(Reason::NotClosed);
    if (c.rating > 0)
        return conflict(Reason::AlreadyRated);
    return allowed;
}

} // namespace

ActionVerdict judge(ConsultationAction action, const Principal &principal,
                    const Consultation &consultation)
{
    switch (action) {
    case ConsultationAction::Reply:
        return reply(principal, consultation);
    case ConsultationAction::Claim:
        return claim(principal, consultation);
    case ConsultationAction::TransferToDepartment:
        return transfer(principal, consultation, false);
    case ConsultationAction::TransferToResponder:
        return transfer(principal, consultation, true);
    case ConsultationAction::Close:
        return close(principal, consultation);
    case ConsultationAction::Rate:
        return rate(principal, consultation);
    }
    return forbidden(Reason::None);
}
