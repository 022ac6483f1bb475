#pragma once

#include "app/domain/Principal.h"

#include <QVariantList>

// The visibility rule of docs/protocol.md section 6 as SQL over "consultations c": a
// representative sees their own; a responder sees their department's and any they were ever
// assigned. Kept in one place so that sync, history and events cannot disagree.
QString visibleConsultationClause(const Principal &principal);
QVariantList visibleConsultationValues(const Principal &principal);
