#pragma once

#include "app/domain/Principal.h"

#include "SyncPage.h"

#include <QJsonObject>
#include <QVariantList>
#include <functional>

class Database;
class SqlStatement;

// The visibility rule of docs/protocol.md section 6 as SQL over "consultations c": a
// representative sees their own; a responder sees their department's and any they were ever
// assigned. Kept in one place so that sync, history and events cannot disagree.
QString visibleConsultationClause(const Principal &principal);
QVariantList visibleConsultationValues(const Principal &principal);

// One page of a stream whose records belong to consultations (messages, transcripts):
// `select` is "SELECT … FROM <table> <alias> JOIN consultations c ON …", `seqColumn` the
// record's seq ("m.seq"); `read` makes a row into the record's JSON and its seq.
SyncPage
visibleSyncPage(Database &database, const QString &select, const QString &seqColumn,
                const Principal &principal, qint64 afterSeq, int limit,
                const std::function<std::pair<QJsonObject, qint64>(const SqlStatement &)> &read);
