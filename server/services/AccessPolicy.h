#pragma once

#include "ErrorCode.h"
#include "Principal.h"
#include "Records.h"

#include <optional>

// Who may change a consultation, as pure functions of the principal and the record
// (docs/protocol.md, section 6). Visibility is checked before these, by the store.
namespace AccessPolicy {
std::optional<ProtocolError> canSend(const Principal &p, const ConsultationRecord &c);
std::optional<ProtocolError> canClaim(const Principal &p, const ConsultationRecord &c);
std::optional<ProtocolError> canTransfer(const Principal &p, const ConsultationRecord &c,
                                         bool toPerson);
std::optional<ProtocolError> canClose(const Principal &p, const ConsultationRecord &c);
std::optional<ProtocolError> canRate(const Principal &p, const ConsultationRecord &c);
} // namespace AccessPolicy
