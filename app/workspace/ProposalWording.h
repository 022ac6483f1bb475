#pragma once

#include "app/domain/Directory.h"

#include <QString>

// How a proposal's fields read in the console's language: the status from its protocol name,
// the category in English when the server gave an English name.
namespace ProposalWording {

QString status(ProposalStatus status);
QString category(const Proposal &proposal, bool english);

} // namespace ProposalWording
