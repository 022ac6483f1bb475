#pragma once

#include "ConsultationRow.h"
#include "MessageRow.h"

#include <QString>
#include <QVariantList>

class QSqlQuery;

// Reading the cache's rows into the structs the views and the export use, in one place.
namespace CacheRows {
// A row of a ConsultationQuery's SELECT.
ConsultationRow consultation(const QSqlQuery &query);
// The SELECT of a consultation's messages with their senders' names, up to the WHERE
// (`m.consultation_id = ?` follows); and a row of it.
// The values of the SELECT's own placeholders are appended to `values` (the consultation's id
// goes next).
QString messageSelect(QVariantList &values);
MessageRow message(const QSqlQuery &query, qint64 consultationId);
} // namespace CacheRows
