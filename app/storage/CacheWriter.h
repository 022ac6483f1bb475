#pragma once

#include "SyncedRecord.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <memory>
#include <unordered_map>

// Stores the server's records (decoded by the domain's codec, SyncedRecord.h) in the cache's
// tables: the client's half of each record's mapping. Storing the same record twice is
// harmless (upserts keyed by id, never older over newer), so an event and a later page carrying
// the same change never conflict.
class CacheWriter
{
public:
    explicit CacheWriter(QSqlDatabase db)
        : m_db(std::move(db))
    {}

    // One page of a stream and its new cursor, in one transaction: after a crash the cursor
    // never runs ahead of the data. `removed`: consultation ids (docs/protocol.md section 7).
    bool applyPage(const QString &stream, const QList<SyncedRecord> &records,
                   const QJsonArray &removed, const QString &cursor);
    bool store(const SyncedRecord &record);
    bool removeConsultation(qint64 id);

private:
    bool storeRecord(const Department &d);
    bool storeRecord(const Responder &r);
    bool storeRecord(const Representative &r);
    bool storeRecord(const Proposal &p);
    bool storeRecord(const Consultation &c);
    bool storeRecord(const Message &m);
    bool storeRecord(const SyncedScript &s);
    bool storeRecord(const VoiceTranscript &t);
    bool upsertRow(const QString &table, const QStringList &columns, const QVariantList &values);

    QSqlDatabase m_db;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_upserts;
};
