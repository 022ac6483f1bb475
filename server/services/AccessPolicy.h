#pragma once

#include "app/protocol/ErrorCode.h"
#include "server/storage/Principal.h"
#include "server/storage/Records.h"

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
// Reply scripts: a personal script is its owner's alone; department scripts are written by
// the department's script editors (docs/protocol.md, section 13).
std::optional<ProtocolError> canWriteScript(const Principal &p, const QString &scope,
                                            qint64 departmentId, qint64 ownerId);
} // namespace AccessPolicy
