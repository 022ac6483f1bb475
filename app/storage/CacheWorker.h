#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <memory>

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
    // Records from outside the streams (a consultation's earlier history): no cursor moves.
    void applyRecords(const QString &stream, const QJsonArray &records);
    void removeConsultation(qint64 id);

Q_SIGNALS:
    void opened(const QString &recoveryReason); // empty unless a damaged cache was replaced
    void failed(const QString &reason);
    void cursorsLoaded(const QHash<QString, QString> &cursors);
    void pageApplied(const QString &stream, const QString &cursor, bool more, int items);
    void recordsApplied(int count);
    // Consultations the cache did not hold before (first seen in a page or an event).
    void consultationsAdded(const QList<qint64> &ids);

private:
    void flushRecords();
    QList<qint64> unknownConsultations(const QJsonArray &consultations) const;

    QString m_path;
    std::unique_ptr<CacheDatabase> m_database;
    std::unique_ptr<CacheWriter> m_writer;
    QList<QPair<QString, QJsonObject>> m_pendingRecords;
    QTimer m_flushTimer;
};
