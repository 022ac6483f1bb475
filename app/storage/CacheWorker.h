#pragma once

#include "LiveChange.h"
#include "SyncedRecord.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <memory>
#include <optional>

class CacheDatabase;
class CacheWriter;

// The cache's own thread: opens the cache file there and does every write to it there, so
// that the UI thread never waits on disk. Talk to it only through its slots and signals
// (queued across threads). Live records arriving in a burst are written in one transaction
// per burst rather than one each.
class CacheWorker : public QObject
{
    Q_OBJECT
public:
    explicit CacheWorker(QString path, QObject *parent = nullptr);
    ~CacheWorker() override;

public Q_SLOTS:
    void open();
    void loadCursors();
    void applyPage(const QString &stream, const QJsonArray &items, const QJsonArray &removed,
                   const QString &cursor, bool more);
    void applyRecord(const QString &stream, const QJsonObject &record);
    void removeConsultation(qint64 id);
    // History backfill, one page at a time: queue consultations, ask for the next one due
    // (historyDue), store a page of it, or drop one the server will not give.
    void queueHistory(const QList<qint64> &consultationIds);
    void nextHistory();
    void applyHistory(qint64 consultationId, const QJsonArray &messages, bool more,
                      qint64 nextBeforeId);
    void dropHistory(qint64 consultationId);
    // The officer has read a consultation up to this message.
    void markRead(qint64 consultationId, qint64 lastReadId);
    // A voice clip was listened to; a waveform was computed for a clip that came without one.
    void markVoiceHeard(qint64 messageId);
    void storeVoiceWaveform(qint64 messageId, const QByteArray &packed);
    // What a speech engine made of a voice message (or, with `failure` set, why it could not).
    // A text already there (the server's, an earlier engine's) stays when this run heard
    // nothing; `segments` carries the words with their times.
    void storeTranscript(qint64 messageId, const QString &engine, const QString &language,
                         const QString &text, const QString &failure,
                         const QJsonArray &segments = {});
    // The newest `limit` voice messages with neither text nor a reason for none yet
    // (untranscribedFound, oldest first): the background transcription's work after a start.
    void findUntranscribed(int limit);
    // Every reply script the cache holds (scriptsLoaded); also sent after each change to them.
    void loadScripts();
    // Reads every page of the file on a pool thread; a damaged cache is replaced (replaced()).
    // Run after start, and by the worker itself whenever a write fails.
    void checkIntegrity();

Q_SIGNALS:
    void opened(const QString &recoveryReason); // empty unless a damaged cache was replaced
    // Damage found while in use: the file was moved aside and a fresh cache opened. Every
    // stream has to start over; pages already on their way are refused until loadCursors().
    void replaced(const QString &reason);
    void failed(const QString &reason);
    void cursorsLoaded(const QHash<QString, QString> &cursors);
    void pageApplied(const QString &stream, const QString &cursor, bool more, int items);
    void recordsApplied(int count);
    // Consultations the cache did not hold before (first seen in a page or an event).
    void consultationsAdded(const QList<qint64> &ids);
    void historyDue(qint64 consultationId, qint64 beforeId); // 0: from the newest
    // Consultations whose row, messages or read mark changed: what the views re-read.
    void consultationsChanged(const QList<qint64> &ids);
    // Transcripts from the server (or corrections) were stored for these voice messages.
    void transcriptsChanged(const QList<qint64> &messageIds);
    void untranscribedFound(const QList<qint64> &messageIds);
    void scriptsLoaded(const QJsonArray &records);
    // After a burst of live changes was stored (LiveChange.h).
    void liveStored(const LiveChange &change);

private:
    void flushRecords();
    void writeFailed(const QString &reason);
    // Tells the views which consultations changed, and the script library its new list.
    void announce(const QList<SyncedRecord> &records, const QJsonArray &removed = {});
    static LiveChange liveChangeOf(const QList<SyncedRecord> &records, const QList<qint64> &added);
    void onChecked(const std::optional<QString> &damage);
    QList<qint64> unknownConsultations(const QList<SyncedRecord> &records) const;

    QString m_path;
    std::unique_ptr<CacheDatabase> m_database;
    std::unique_ptr<CacheWriter> m_writer;
    QList<SyncedRecord> m_pendingRecords; // live records of this burst, decoded as they came
    QTimer m_flushTimer;
    bool m_checking = false;
    bool m_awaitingCursors = false; // replaced: a page from before would skip its stream ahead
};
