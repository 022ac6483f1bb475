#include "ProposalWording.h"

#include <QCoreApplication>

namespace ProposalWording {

QString status(ProposalStatus status)
{
    switch (status) {
    case ProposalStatus::Registered:
        return QCoreApplication::translate("ProposalWording", "Registered");
    case ProposalStatus::Handling:
        return QCoreApplication::translate("ProposalWording", "Being handled");
    case ProposalStatus::Replied:
        return QCoreApplication::translate("ProposalWording", "Replied");
    case ProposalStatus::Concluded:
        break;
    }
    return QCoreApplication::translate("ProposalWording", "Concluded");
}

QString category(const Proposal &proposal, bool english)
{
    return english && !proposal.categoryEn.isEmpty() ? proposal.categoryEn : proposal.category;
}

} // namespace ProposalWording
