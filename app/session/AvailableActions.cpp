#include "AvailableActions.h"

#include "app/domain/ConsultationRules.h"

AvailableActions AvailableActions::of(const Principal &officer, const Consultation &consultation,
                                      bool online)
{
    const auto may = [&](ConsultationAction action) {
        return judge(action, officer, consultation).allowed();
    };
    AvailableActions actions;
    const bool claim = may(ConsultationAction::Claim);
    const bool transfer = may(ConsultationAction::TransferToDepartment) ||
                          may(ConsultationAction::TransferToResponder);
    const bool close = may(ConsultationAction::Close);
    actions.claim = online && claim;
    actions.transfer = online && transfer;
    actions.close = online && close;
    actions.waitsForConnection = !online && (claim || transfer || close);

    const ActionVerdict reply = judge(ConsultationAction::Reply, officer, consultation);
    actions.reply = reply.allowed();
    switch (reply.reason) {
    case ActionVerdict::Reason::None:
        break;
    case ActionVerdict::Reason::Closed:
        actions.replyBlock = ReplyBlock::Closed;
        break;
    case ActionVerdict::Reason::ClaimFirst:
        actions.replyBlock = ReplyBlock::ClaimFirst;
        break;
    case ActionVerdict::Reason::NotDepartment:
        actions.replyBlock = ReplyBlock::OtherDepartment;
        break;
    default:
        actions.replyBlock = ReplyBlock::HeldByColleague;
        break;
    }
    return actions;
}
