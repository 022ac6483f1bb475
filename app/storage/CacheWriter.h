#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <memory>
#include <unordered_map>

// Applies what the server sends (sync pages and live events, protocol v1 records) to the
// cache. Applying the same record twice is harmless (upserts keyed by id), so an event and a
// later page carrying the same change never conflict.
class CacheWriter
{
public:
    explicit CacheWriter(QSqlDatabase db)
        : m_db(std::move(db))
    {}

    // One page of a stream and its new cursor, in one transaction: after a crash the cursor
    // never runs ahead of the data.
    bool applyPage(const QString &stream, const QJsonArray &items, const QJsonArray &removed,
                   const QString &cursor);
    bool applyRecord(const QString &stream, const QJsonObject &record);
    bool removeConsultation(qint64 id);

private:
    bool upsert(const QString &stream, const QJsonObject &record);
    bool upsertRow(const QString &table, const QStringList &columns, const QVariantList &values);

    QSqlDatabase m_db;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_upserts;
};
