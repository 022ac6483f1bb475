#pragma once

#include "app/domain/ConsultationRules.h"
#include "app/domain/Principal.h"
#include "app/protocol/ErrorCode.h"

#include <optional>

// Who may change a consultation: the domain's rules (app/domain/ConsultationRules), worded as
// the protocol's errors. Visibility is checked before these, by the store.
namespace AccessPolicy {
std::optional<ProtocolError> check(ConsultationAction action, const Principal &p,
                                   const Consultation &c);
// Reply scripts: a personal script is its owner's alone; department scripts are written by
// the department's script editors (docs/protocol.md, section 13).
std::optional<ProtocolError> canWriteScript(const Principal &p, const QString &scope,
                                            qint64 departmentId, qint64 ownerId);
} // namespace AccessPolicy
