#include "CacheWorker.h"

#include "CacheDatabase.h"
#include "CacheWriter.h"
#include "StorageLog.h"
#include "app/protocol/Methods.h"
#include "app/sql/Transaction.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QtConcurrent>
#include <algorithm>
#include <utility>

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
    int refused = 0;
    const QList<SyncedRecord> records = decodeSyncedPage(stream, items, &refused);
    if (refused > 0) // stored without them: one bad record must not stall the whole stream
        qCWarning(lcCache) << "left out" << refused << "unreadable records of" << stream;
    const QList<qint64> added = unknownConsultations(records);
    if (!m_writer->applyPage(stream, records, removed, cursor))
        return writeFailed(QStringLiteral("the cache could not store a page of %1").arg(stream));
    Q_EMIT pageApplied(stream, cursor, more, static_cast<int>(items.size()));
    announce(records, removed);
    if (!added.isEmpty())
        Q_EMIT consultationsAdded(added);
}

void CacheWorker::applyRecord(const QString &stream, const QJsonObject &record)
{
    auto decoded = decodeSynced(stream, record);
    if (!decoded) {
        qCWarning(lcCache) << "ignored an unreadable live record of" << stream;
        return;
    }
    m_pendingRecords.append(std::move(*decoded));
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

QList<qint64> CacheWorker::unknownConsultations(const QList<SyncedRecord> &records) const
{
    QList<qint64> unknown;
    QSqlQuery known(m_database->connection());
    known.prepare(QStringLiteral("SELECT 1 FROM consultations WHERE id = ?"));
    for (const SyncedRecord &record : records) {
        const auto *c = std::get_if<Consultation>(&record);
        if (!c)
            continue;
        known.bindValue(0, c->id);
        if (known.exec() && !known.next())
            unknown << c->id;
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
    const QList<qint64> added = unknownConsultations(m_pendingRecords);
    Transaction transaction(m_database->connection());
    bool ok = transaction.isOpen();
    for (const SyncedRecord &record : std::as_const(m_pendingRecords))
        ok = ok && m_writer->store(record);
    if (!ok || !transaction.commit()) {
        m_pendingRecords.clear();
        // The next sync brings these again from the server; the cache stays consistent.
        return writeFailed(QStringLiteral("the cache could not store live changes"));
    }
    const QList<SyncedRecord> records = std::exchange(m_pendingRecords, {});
    announce(records);
    Q_EMIT recordsApplied(static_cast<int>(records.size()));
    if (!added.isEmpty())
        Q_EMIT consultationsAdded(added);
    Q_EMIT liveStored(liveChangeOf(records, added));
}

LiveChange CacheWorker::liveChangeOf(const QList<SyncedRecord> &records, const QList<qint64> &added)
{
    LiveChange live;
    for (const SyncedRecord &record : records) {
        if (const auto *m = std::get_if<Message>(&record)) {
            live.messages << LiveMessage{m->id, m->consultationId,
                                         m->senderKind == SenderKind::Representative,
                                         m->kind == MessageKind::Voice, m->text};
        } else if (const auto *c = std::get_if<Consultation>(&record)) {
            // One entry per consultation, in its latest state: one created and claimed within
            // the same burst is no longer waiting for anyone.
            const LiveConsultation latest{c->id, c->departmentId,
                                          c->state == ConsultationState::Waiting,
                                          added.contains(c->id), c->subject};
            const auto seen =
                std::find_if(live.consultations.begin(), live.consultations.end(),
                             [id = c->id](const LiveConsultation &l) { return l.id == id; });
            if (seen == live.consultations.end())
                live.consultations << latest;
            else
                *seen = latest;
        }
    }
    return live;
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
    int refused = 0;
    for (const SyncedRecord &message : decodeSyncedPage(Stream::Messages, messages, &refused))
        ok = ok && m_writer->store(message);
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

void CacheWorker::storeTranscript(qint64 messageId, const QString &engine, const QString &language,
                                  const QString &text, const QString &failure,
                                  const QJsonArray &segments)
{
    if (!m_database)
        return;
    QSqlQuery store(m_database->connection());
    store.prepare(QStringLiteral(
        "INSERT INTO transcripts (message_id, engine, language, text, failure, updated_at,"
        " machine_text, segments) VALUES (?, ?, COALESCE(?, ''), COALESCE(?, ''),"
        " COALESCE(?, ''), ?, COALESCE(?, ''), ?)"
        // A run that heard nothing leaves a text that is there as it is.
        " ON CONFLICT (message_id) DO UPDATE SET updated_at = excluded.updated_at,"
        " engine = CASE WHEN excluded.machine_text <> '' OR transcripts.machine_text = ''"
        "  THEN excluded.engine ELSE transcripts.engine END,"
        " language = CASE WHEN excluded.machine_text <> '' OR transcripts.machine_text = ''"
        "  THEN excluded.language ELSE transcripts.language END,"
        " failure = CASE WHEN excluded.machine_text = '' AND transcripts.machine_text <> ''"
        "  THEN '' ELSE excluded.failure END,"
        " segments = CASE WHEN excluded.machine_text <> '' THEN excluded.segments"
        "  ELSE transcripts.segments END,"
        // A colleague's correction stays what is shown; the engine's text is kept beside it.
        " text = CASE WHEN transcripts.corrected OR excluded.machine_text = ''"
        "  THEN transcripts.text ELSE excluded.text END,"
        " machine_text = CASE WHEN excluded.machine_text <> '' THEN excluded.machine_text"
        "  ELSE transcripts.machine_text END"));
    const QString words = QString::fromUtf8(QJsonDocument(segments).toJson(QJsonDocument::Compact));
    for (const QVariant &value : QVariantList{messageId, engine, language, text, failure,
                                              QDateTime::currentMSecsSinceEpoch(), text, words})
        store.addBindValue(value);
    if (!store.exec())
        return writeFailed(store.lastError().text());
    Q_EMIT transcriptsChanged({messageId}); // shown with its words, read back from here
}

void CacheWorker::findUntranscribed(int limit)
{
    QList<qint64> ids;
    if (m_database) {
        QSqlQuery query(m_database->connection());
        query.prepare(QStringLiteral(
            "SELECT m.id FROM messages m LEFT JOIN transcripts t ON t.message_id = m.id"
            " WHERE m.kind = ? AND (t.message_id IS NULL OR (t.text = '' AND t.failure = ''))"
            " ORDER BY m.id DESC LIMIT ?"));
        query.addBindValue(wireName(MessageKind::Voice));
        query.addBindValue(limit);
        if (query.exec()) {
            while (query.next())
                ids.prepend(query.value(0).toLongLong());
        }
    }
    Q_EMIT untranscribedFound(ids);
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

void CacheWorker::announce(const QList<SyncedRecord> &records, const QJsonArray &removed)
{
    QSet<qint64> ids; // a page of 500 messages may touch a handful of consultations
    QList<qint64> transcripts;
    bool scripts = false;
    for (const SyncedRecord &record : records) {
        if (const auto *c = std::get_if<Consultation>(&record))
            ids.insert(c->id);
        else if (const auto *m = std::get_if<Message>(&record))
            ids.insert(m->consultationId);
        else if (const auto *t = std::get_if<VoiceTranscript>(&record))
            transcripts << t->messageId;
        else
            scripts = scripts || std::holds_alternative<SyncedScript>(record);
    }
    for (const QJsonValue &id : removed)
        ids.insert(id.toInteger());
    if (!ids.isEmpty())
        Q_EMIT consultationsChanged(ids.values());
    if (!transcripts.isEmpty())
        Q_EMIT transcriptsChanged(transcripts);
    if (scripts)
        loadScripts();
}
