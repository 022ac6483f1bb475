#pragma once

#include "app/domain/Consultation.h"
#include "app/domain/Message.h"

#include <QString>

class SqlStatement;

// The server's half of the domain records' mapping: database rows into the records of
// app/domain (whose JSON codec the replies and events use).

namespace ConsultationRows {
// For "SELECT <columns> FROM consultations c LEFT JOIN transfers t ON t.id = c.last_transfer_id".
QString columns();
Consultation read(const SqlStatement &row);
} // namespace ConsultationRows

namespace MessageRows {
// For "SELECT <columns> FROM messages m LEFT JOIN voice_clips v ON v.id = m.voice_clip_id".
QString columns();
Message read(const SqlStatement &row);
} // namespace MessageRows
