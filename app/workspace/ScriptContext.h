#pragma once

#include "ConsultationRow.h"
#include "Directory.h"
#include "app/domain/Principal.h"
#include "app/scripts/ScriptPlaceholders.h"

#include <QDate>
#include <QJsonObject>

// What a script's placeholders are filled with in this consultation, answered by this officer
// (`principal`: who is signed in, as the server said). In Chinese whatever the interface
// language: the reply goes to a Chinese representative (the department by its Chinese name).
PlaceholderContext placeholderContextFor(const ConsultationRow &row, const Directory &directory,
                                         const Principal &principal, const QDate &today);
