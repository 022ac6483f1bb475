#include "CacheWorker.h"

#include "CacheDatabase.h"
#include "CacheWriter.h"
#include "app/sql/Transaction.h"

#include <QFutureWatcher>

#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QtConcurrent>
#include <algorithm>

CacheWorker::CacheWorker(QString path, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_flushTimer(this) // a child, so that it moves to the worker thread with this object
{
    // Zero-interval single shot: runs once the events already queued to this thread have been
    // handled, which is exactly "the end of this burst".
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &CacheWorker::flushRecords);
}

CacheWorker::~CacheWorker()
{
    flushRecords();
}

void CacheWorker::open()
{
    auto database = CacheDatabase::open(m_path);
    if (!database) {
        Q_EMIT failed(database.error());
        return;
    }
    m_database = std::move(database.value());
    m_writer = std::make_unique<CacheWriter>(m_database->connection());
    Q_EMIT opened(m_database->recovery() ? m_database->recovery()->reason : QString());
}

void CacheWorker::loadCursors()
{
    m_awaitingCursors = false;
    QHash<QString, QString> cursors;
    if (m_database) {
        QSqlQuery query(QStringLiteral("SELECT stream, cursor FROM sync_cursors"),
                        m_database->connection());
        while (query.next())
            cursors.insert(query.value(0).toString(), query.value(1).toString());
    }
    Q_EMIT cursorsLoaded(cursors);
}

void CacheWorker::applyPage(const QString &stream, const QJsonArray &items,
                            const QJsonArray &removed, const QString &cursor, bool more)
{
    flushRecords(); // keep the order in which the server sent things
    if (!m_writer) {
        Q_EMIT failed(QStringLiteral("the cache is not open"));
        return;
    }
    if (m_awaitingCursors) {
        Q_EMIT failed(QStringLiteral("the cache was replaced; sync starts over"));
        return;
    }
    const QList<qint64> added =
        stream == QLatin1String("consultations") ? unknownConsultations(items) : QList<qint64>();
    if (!m_writer->applyPage(stream, items, removed, cursor))
        return writeFailed(QStringLiteral("the cache could not store a page of %1").arg(stream));
    Q_EMIT pageApplied(stream, cursor, more, static_cast<int>(items.size()));
    announce(stream, items, removed);
    if (!added.isEmpty())
        Q_EMIT consultationsAdded(added);
}

void CacheWorker::applyRecord(const QString &stream, const QJsonObject &record)
{
    m_pendingRecords.append({stream, record});
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

QList<qint64> CacheWorker::unknownConsultations(const QJsonArray &consultations) const
{
    QList<qint64> unknown;
    QSqlQuery known(m_database->connection());
    known.prepare(QStringLiteral("SELECT 1 FROM consultations WHERE id = ?"));
    for (const QJsonValue &c : consultations) {
        const qint64 id = c.toObject().value(QLatin1String("id")).toInteger();
        known.bindValue(0, id);
        if (known.exec() && !known.next())
            unknown << id;
    }
    return unknown;
}

void CacheWorker::removeConsultation(qint64 id)
{
    flushRecords();
    if (m_writer && m_writer->removeConsultation(id))
        Q_EMIT consultationsChanged({id});
}

void CacheWorker::flushRecords()
{
    if (m_pendingRecords.isEmpty() || !m_database)
        return;
    QJsonArray consultations;
    for (const auto &[stream, record] : std::as_const(m_pendingRecords)) {
        if (stream == QLatin1String("consultations"))
            consultations.append(record);
    }
    const QList<qint64> added = unknownConsultations(consultations);
    Transaction transaction(m_database->connection());
    bool ok = transaction.isOpen();
    for (const auto &[stream, record] : std::as_const(m_pendingRecords))
        ok = ok && m_writer->applyRecord(stream, record);
    if (!ok || !transaction.commit()) {
        m_pendingRecords.clear();
        // The next sync brings these again from the server; the cache stays consistent.
        return writeFailed(QStringLiteral("the cache could not store live changes"));
    }
    const int count = static_cast<int>(m_pendingRecords.size());
    QJsonArray messages;
    QJsonArray scripts;
    LiveChange live;
    for (const auto &[stream, record] : std::as_const(m_pendingRecords)) {
        if (stream == QLatin1String("messages")) {
            messages.append(record);
            live.messages << LiveMessage{record.value(QLatin1String("id")).toInteger(),
                                         record.value(QLatin1String("consultationId")).toInteger(),
                                         record.value(QLatin1String("senderKind")).toString() ==
                                             QLatin1String("representative"),
                                         record.value(QLatin1String("kind")).toString() ==
                                             QLatin1String("voice"),
                                         record.value(QLatin1String("text")).toString()};
        } else if (stream == QLatin1String("scripts")) {
            scripts.append(record);
        } else if (stream == QLatin1String("consultations")) {
            // One entry per consultation, in its latest state: one created and claimed within
            // the same burst is no longer waiting for anyone.
            const qint64 id = record.value(QLatin1String("id")).toInteger();
            const LiveConsultation latest{
                id, record.value(QLatin1String("departmentId")).toInteger(),
                record.value(QLatin1String("state")).toString() == QLatin1String("waiting"),
                added.contains(id), record.value(QLatin1String("subject")).toString()};
            const auto seen = std::find_if(live.consultations.begin(), live.consultations.end(),
                                           [id](const LiveConsultation &c) { return c.id == id; });
            if (seen == live.consultations.end())
                live.consultations << latest;
            else
                *seen = latest;
        }
    }
    m_pendingRecords.clear();
    announce(QStringLiteral("consultations"), consultations);
    announce(QStringLiteral("messages"), messages);
    announce(QStringLiteral("scripts"), scripts);
    Q_EMIT recordsApplied(count);
    if (!added.isEmpty())
        Q_EMIT consultationsAdded(added);
    Q_EMIT liveStored(live);
}

void CacheWorker::writeFailed(const QString &reason)
{
    Q_EMIT failed(reason);
    checkIntegrity(); // a full disk or a damaged file? Only the second is ours to repair.
}

void CacheWorker::checkIntegrity()
{
    if (m_checking || !m_database)
        return;
    m_checking = true;
    auto *watcher = new QFutureWatcher<std::optional<QString>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_checking = false;
        onChecked(watcher->result());
    });
    watcher->setFuture(
        QtConcurrent::run([path = m_path] { return CacheDatabase::checkFile(path); }));
}

void CacheWorker::onChecked(const std::optional<QString> &damage)
{
    if (!damage || !m_database)
        return;
    m_pendingRecords.clear();
    m_writer.reset();
    m_database.reset();
    auto fresh = CacheDatabase::replace(m_path, *damage);
    if (!fresh) {
        Q_EMIT failed(fresh.error());
        return;
    }
    m_database = std::move(fresh.value());
    m_writer = std::make_unique<CacheWriter>(m_database->connection());
    m_awaitingCursors = true;
    Q_EMIT replaced(*damage);
}

void CacheWorker::queueHistory(const QList<qint64> &consultationIds)
{
    if (!m_database)
        return;
    QSqlDatabase db = m_database->connection();
    Transaction transaction(db);
    QSqlQuery insert(db);
    bool ok = transaction.isOpen() &&
              insert.prepare(QStringLiteral("INSERT OR IGNORE INTO history_pending"
                                            " (consultation_id, before_id) VALUES (?, 0)"));
    for (qint64 id : consultationIds) {
        insert.bindValue(0, id);
        ok = ok && insert.exec();
    }
    // A failure loses nothing: the consultations' histories are asked for again when they are
    // next seen without their earlier messages.
    if (!ok || !transaction.commit())
        return writeFailed(QStringLiteral("the cache could not note histories to fetch"));
    nextHistory();
}

void CacheWorker::nextHistory()
{
    if (!m_database)
        return;
    QSqlQuery next(m_database->connection());
    if (next.exec(QStringLiteral("SELECT consultation_id, before_id FROM history_pending"
                                 " ORDER BY consultation_id LIMIT 1")) &&
        next.next())
        Q_EMIT historyDue(next.value(0).toLongLong(), next.value(1).toLongLong());
}

void CacheWorker::applyHistory(qint64 consultationId, const QJsonArray &messages, bool more,
                               qint64 nextBeforeId)
{
    flushRecords();
    if (!m_writer)
        return;
    QSqlDatabase db = m_database->connection();
    Transaction transaction(db);
    bool ok = transaction.isOpen();
    for (const QJsonValue &message : messages)
        ok = ok && m_writer->applyRecord(QStringLiteral("messages"), message.toObject());
    QSqlQuery progress(db);
    if (more) {
        progress.prepare(
            QStringLiteral("UPDATE history_pending SET before_id = ? WHERE consultation_id = ?"));
        progress.addBindValue(nextBeforeId);
    } else {
        progress.prepare(QStringLiteral("DELETE FROM history_pending WHERE consultation_id = ?"));
    }
    progress.addBindValue(consultationId);
    ok = ok && progress.exec();
    if (!ok || !transaction.commit())
        return writeFailed(QStringLiteral("the cache could not store a consultation's history"));
    Q_EMIT recordsApplied(static_cast<int>(messages.size()));
    Q_EMIT consultationsChanged({consultationId});
    nextHistory();
}

void CacheWorker::dropHistory(qint64 consultationId)
{
    if (!m_database)
        return;
    QSqlQuery drop(m_database->connection());
    drop.prepare(QStringLiteral("DELETE FROM history_pending WHERE consultation_id = ?"));
    drop.addBindValue(consultationId);
    drop.exec();
    nextHistory();
}

void CacheWorker::markRead(qint64 consultationId, qint64 lastReadId)
{
    if (!m_database)
        return;
    QSqlQuery mark(m_database->connection());
    mark.prepare(QStringLiteral(
        "INSERT INTO read_marks (consultation_id, last_read_id) VALUES (?, ?)"
        " ON CONFLICT (consultation_id) DO UPDATE SET last_read_id = excluded.last_read_id"
        " WHERE excluded.last_read_id > last_read_id"));
    mark.addBindValue(consultationId);
    mark.addBindValue(lastReadId);
    if (mark.exec() && mark.numRowsAffected() > 0)
        Q_EMIT consultationsChanged({consultationId});
}

void CacheWorker::markVoiceHeard(qint64 messageId)
{
    if (!m_database)
        return;
    QSqlQuery mark(m_database->connection());
    mark.prepare(QStringLiteral("INSERT INTO voice_clips (message_id, heard) VALUES (?, 1)"
                                " ON CONFLICT (message_id) DO UPDATE SET heard = 1"));
    mark.addBindValue(messageId);
    if (!mark.exec())
        writeFailed(mark.lastError().text());
}

void CacheWorker::storeVoiceWaveform(qint64 messageId, const QByteArray &packed)
{
    if (!m_database)
        return;
    QSqlQuery store(m_database->connection());
    store.prepare(
        QStringLiteral("INSERT INTO voice_clips (message_id, waveform) VALUES (?, ?)"
                       " ON CONFLICT (message_id) DO UPDATE SET waveform = excluded.waveform"));
    store.addBindValue(messageId);
    store.addBindValue(packed);
    if (!store.exec())
        writeFailed(store.lastError().text());
}

void CacheWorker::loadScripts()
{
    QJsonArray records;
    if (m_database) {
        QSqlQuery query(QStringLiteral("SELECT record FROM scripts"), m_database->connection());
        while (query.next())
            records.append(QJsonDocument::fromJson(query.value(0).toByteArray()).object());
    }
    Q_EMIT scriptsLoaded(records);
}

void CacheWorker::announce(const QString &stream, const QJsonArray &records,
                           const QJsonArray &removed)
{
    if (stream == QLatin1String("scripts") && !records.isEmpty())
        return loadScripts();
    const bool consultations = stream == QLatin1String("consultations");
    if (!consultations && stream != QLatin1String("messages"))
        return;
    const QLatin1String key = consultations ? QLatin1String("id") : QLatin1String("consultationId");
    QSet<qint64> ids; // a page of 500 messages may touch a handful of consultations
    for (const QJsonValue &record : records)
        ids.insert(record.toObject().value(key).toInteger());
    for (const QJsonValue &id : removed)
        ids.insert(id.toInteger());
    if (!ids.isEmpty())
        Q_EMIT consultationsChanged(ids.values());
}
