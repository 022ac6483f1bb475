#pragma once

#include "ConsultationRow.h"
#include "Directory.h"
#include "ScriptPlaceholders.h"

#include <QDate>
#include <QJsonObject>

// What a script's placeholders are filled with in this consultation, answered by this officer
// (`principal`: who is signed in, as the server said). `english` picks the department's name in
// English; replies to representatives are written in Chinese, so the console passes false.
PlaceholderContext placeholderContextFor(const ConsultationRow &row, const Directory &directory,
                                         const QJsonObject &principal, const QDate &today,
                                         bool english);
