#include "OutboxStore.h"

#include "app/domain/Vocabulary.h"
#include "app/sql/DurableDatabase.h"
#include "app/sql/SqlBinding.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace {

const QList<Migration> &outboxMigrations()
{
    static const QList<Migration> list{
        {1,
         {QStringLiteral(
              "CREATE TABLE outbox (seq INTEGER PRIMARY KEY, client_msg_id TEXT NOT NULL UNIQUE,"
              " consultation_id INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL DEFAULT "
              "'',"
              " state TEXT NOT NULL, error TEXT NOT NULL DEFAULT '',"
              " attempts INTEGER NOT NULL DEFAULT 0, created_at BIGINT NOT NULL,"
              " server_message_id INTEGER)"),
          QStringLiteral("CREATE INDEX outbox_consultation ON outbox (consultation_id, seq)")}},
        // Replies being written: kept with the outbox (not the disposable cache) so that a
        // restart or a rebuilt cache never loses a half-written answer.
        {2,
         {QStringLiteral("CREATE TABLE drafts (consultation_id INTEGER PRIMARY KEY,"
                         " text TEXT NOT NULL, updated_at BIGINT NOT NULL)")}},
        // Voice replies: the recording stays a file beside the outbox (it can be a megabyte,
        // and SQLite rewrites whole rows); the row names it and keeps its length and waveform.
        {3,
         {QStringLiteral("ALTER TABLE outbox ADD COLUMN voice_file TEXT NOT NULL DEFAULT ''"),
          QStringLiteral("ALTER TABLE outbox ADD COLUMN voice_duration_ms INTEGER NOT NULL "
                         "DEFAULT 0"),
          QStringLiteral("ALTER TABLE outbox ADD COLUMN voice_waveform BLOB")}}};
    return list;
}

const char *stateName(OutboxItem::State state)
{
    switch (state) {
    case OutboxItem::State::Queued:
        return "queued";
    case OutboxItem::State::Sending:
        return "sending";
    case OutboxItem::State::Sent:
        return "sent";
    case OutboxItem::State::Failed:
        return "failed";
    }
    return "queued";
}

OutboxItem::State stateFromName(const QString &name)
{
    for (auto state : {OutboxItem::State::Queued, OutboxItem::State::Sending,
                       OutboxItem::State::Sent, OutboxItem::State::Failed}) {
        if (name == QLatin1String(stateName(state)))
            return state;
    }
    return OutboxItem::State::Queued;
}

} // namespace

Expected<std::unique_ptr<OutboxStore>, QString> OutboxStore::open(const QString &path)
{
    const QString name = uniqueConnectionName(QStringLiteral("outbox"));
    if (const auto failure = openDurableDatabase(name, path, outboxMigrations()))
        return QStringLiteral("the outbox ") + *failure;
    std::unique_ptr<OutboxStore> store(new OutboxStore(name));
    store->m_voiceFolder = path + QStringLiteral(".voice");
    return store;
}

OutboxStore::~OutboxStore()
{
    {
        QSqlDatabase connection = db();
        connection.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Expected<OutboxItem, QString> OutboxStore::enqueueText(qint64 consultationId, const QString &text)
{
    OutboxItem item;
    item.clientMsgId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    item.consultationId = consultationId;
    item.text = text;
    item.createdAt = QDateTime::currentMSecsSinceEpoch();
    QSqlQuery query(db());
    if (!execBound(
            query,
            QStringLiteral(
                "INSERT INTO outbox (client_msg_id, consultation_id, kind, text, state, created_at)"
                " VALUES (?, ?, ?, ?, 'queued', ?)"),
            {item.clientMsgId, consultationId, wireName(MessageKind::Text), text, item.createdAt}))
        return QStringLiteral("the reply could not be saved: ") + query.lastError().text();
    item.seq = query.lastInsertId().toLongLong();
    return item;
}

Expected<OutboxItem, QString> OutboxStore::enqueueVoice(qint64 consultationId,
                                                        const QByteArray &oggOpus,
                                                        qint64 durationMs,
                                                        const QByteArray &waveform)
{
    OutboxItem item;
    item.clientMsgId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    item.consultationId = consultationId;
    item.createdAt = QDateTime::currentMSecsSinceEpoch();
    item.voiceFile = m_voiceFolder + QLatin1Char('/') + item.clientMsgId + QStringLiteral(".opus");
    item.voiceDurationMs = durationMs;
    item.voiceWaveform = waveform;
    // The file first, synced (QSaveFile::commit), then the row: a row never names a missing file.
    QSaveFile file(item.voiceFile);
    if (!QDir().mkpath(m_voiceFolder) || !file.open(QIODevice::WriteOnly) ||
        file.write(oggOpus) != oggOpus.size() || !file.commit())
        return QStringLiteral("the recording could not be saved: ") + file.errorString();
    QSqlQuery query(db());
    if (!execBound(query,
                   QStringLiteral("INSERT INTO outbox (client_msg_id, consultation_id, kind, state,"
                                  " created_at, voice_file, voice_duration_ms, voice_waveform)"
                                  " VALUES (?, ?, ?, 'queued', ?, ?, ?, ?)"),
                   {item.clientMsgId, consultationId, wireName(MessageKind::Voice), item.createdAt,
                    item.voiceFile, durationMs, waveform})) {
        QFile::remove(item.voiceFile);
        return QStringLiteral("the recording could not be saved: ") + query.lastError().text();
    }
    item.seq = query.lastInsertId().toLongLong();
    return item;
}

namespace {
// The columns itemAt reads, in its order.
const QString itemColumns =
    QStringLiteral("seq, client_msg_id, consultation_id, text, state, error, attempts,"
                   " created_at, server_message_id, voice_file, voice_duration_ms, voice_waveform");
} // namespace

QList<OutboxItem> OutboxStore::select(const QString &where, const QVariantList &values) const
{
    QSqlQuery query(db());
    QList<OutboxItem> items;
    if (!execBound(query,
                   QStringLiteral("SELECT ") + itemColumns + QStringLiteral(" FROM outbox WHERE ") +
                       where + QStringLiteral(" ORDER BY seq"),
                   values))
        return items;
    while (query.next())
        items << itemAt(query);
    return items;
}

OutboxItem OutboxStore::itemAt(const QSqlQuery &query)
{
    OutboxItem item;
    item.seq = query.value(0).toLongLong();
    item.clientMsgId = query.value(1).toString();
    item.consultationId = query.value(2).toLongLong();
    item.text = query.value(3).toString();
    item.state = stateFromName(query.value(4).toString());
    item.error = query.value(5).toString();
    item.attempts = query.value(6).toInt();
    item.createdAt = query.value(7).toLongLong();
    item.serverMessageId = query.value(8).toLongLong();
    item.voiceFile = query.value(9).toString();
    item.voiceDurationMs = query.value(10).toLongLong();
    item.voiceWaveform = query.value(11).toByteArray();
    return item;
}

QList<OutboxItem> OutboxStore::pending() const
{
    return select(QStringLiteral("state IN ('queued', 'sending')"), {});
}

QList<OutboxItem> OutboxStore::undelivered() const
{
    return select(QStringLiteral("state IN ('queued', 'sending', 'failed')"), {});
}

std::optional<OutboxItem> OutboxStore::nextPending() const
{
    const QList<OutboxItem> found = select(QStringLiteral("seq = (SELECT MIN(seq) FROM outbox"
                                                          " WHERE state IN ('queued', 'sending'))"),
                                           {});
    return found.isEmpty() ? std::nullopt : std::optional<OutboxItem>(found.first());
}

QList<OutboxItem> OutboxStore::items(qint64 consultationId) const
{
    return select(QStringLiteral("consultation_id = ?"), {consultationId});
}

std::optional<OutboxItem> OutboxStore::item(const QString &clientMsgId) const
{
    const QList<OutboxItem> found = select(QStringLiteral("client_msg_id = ?"), {clientMsgId});
    return found.isEmpty() ? std::nullopt : std::optional<OutboxItem>(found.first());
}

bool OutboxStore::update(const QString &set, const QVariantList &values)
{
    QSqlQuery query(db());
    return execBound(query,
                     QStringLiteral("UPDATE outbox SET ") + set +
                         QStringLiteral(" WHERE client_msg_id = ?"),
                     values) &&
           query.numRowsAffected() == 1;
}

bool OutboxStore::markSending(const QString &clientMsgId)
{
    return update(QStringLiteral("state = 'sending', attempts = attempts + 1"), {clientMsgId});
}

bool OutboxStore::markSent(const OutboxItem &sent, qint64 serverMessageId)
{
    if (!update(QStringLiteral("state = 'sent', error = '', server_message_id = ?"),
                {serverMessageId, sent.clientMsgId}))
        return false;
    // The server holds the recording now (and the clip store a copy, see AccountSession).
    if (sent.isVoice())
        QFile::remove(sent.voiceFile);
    return true;
}

bool OutboxStore::markFailed(const QString &clientMsgId, const QString &reason)
{
    return update(QStringLiteral("state = 'failed', error = ?"), {reason, clientMsgId});
}

std::optional<OutboxItem> OutboxStore::retry(const QString &clientMsgId)
{
    // RETURNING (SQLite 3.35): the row as the one write left it, without reading it back.
    QSqlQuery query(db());
    if (!execBound(query,
                   QStringLiteral("UPDATE outbox SET state = 'queued', error = ''"
                                  " WHERE client_msg_id = ? AND state = 'failed' RETURNING ") +
                       itemColumns,
                   {clientMsgId}) ||
        !query.next())
        return std::nullopt;
    return itemAt(query);
}

bool OutboxStore::saveDraft(qint64 consultationId, const QString &text)
{
    QSqlQuery query(db());
    if (text.trimmed().isEmpty())
        return execBound(query, QStringLiteral("DELETE FROM drafts WHERE consultation_id = ?"),
                         {consultationId});
    return execBound(query,
                     QStringLiteral("INSERT INTO drafts (consultation_id, text, updated_at)"
                                    " VALUES (?, ?, ?) ON CONFLICT (consultation_id) DO UPDATE"
                                    " SET text = excluded.text, updated_at = excluded.updated_at"),
                     {consultationId, text, QDateTime::currentMSecsSinceEpoch()});
}

QHash<qint64, QString> OutboxStore::drafts() const
{
    QHash<qint64, QString> all;
    QSqlQuery query(db());
    if (execBound(query, QStringLiteral("SELECT consultation_id, text FROM drafts"), {})) {
        while (query.next())
            all.insert(query.value(0).toLongLong(), query.value(1).toString());
    }
    return all;
}

QString OutboxStore::draft(qint64 consultationId) const
{
    QSqlQuery query(db());
    if (execBound(query, QStringLiteral("SELECT text FROM drafts WHERE consultation_id = ?"),
                  {consultationId}) &&
        query.next())
        return query.value(0).toString();
    return {};
}
