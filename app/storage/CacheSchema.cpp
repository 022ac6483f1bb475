#include "CacheSchema.h"

namespace {

Migration records()
{
    return {
        1,
        {QStringLiteral("CREATE TABLE departments (id INTEGER PRIMARY KEY, code TEXT NOT NULL,"
                        " name TEXT NOT NULL, name_en TEXT NOT NULL, seq BIGINT NOT NULL)"),
         QStringLiteral("CREATE TABLE responders (id INTEGER PRIMARY KEY, login TEXT NOT NULL,"
                        " name TEXT NOT NULL, department_id INTEGER NOT NULL, role TEXT NOT NULL,"
                        " title TEXT NOT NULL DEFAULT '', active INTEGER NOT NULL DEFAULT 1,"
                        " seq BIGINT NOT NULL)"),
         QStringLiteral(
             "CREATE TABLE representatives (id INTEGER PRIMARY KEY, login TEXT NOT NULL,"
             " name TEXT NOT NULL, kind TEXT NOT NULL, delegation TEXT NOT NULL DEFAULT '',"
             " sector TEXT NOT NULL DEFAULT '', organization TEXT NOT NULL DEFAULT '',"
             " mobile TEXT NOT NULL DEFAULT '', office_phone TEXT NOT NULL DEFAULT '',"
             " email TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '',"
             " seq BIGINT NOT NULL)"),
         QStringLiteral("CREATE TABLE proposals (id INTEGER PRIMARY KEY,"
                        " representative_id INTEGER NOT NULL, number TEXT NOT NULL,"
                        " year INTEGER NOT NULL, kind TEXT NOT NULL, title TEXT NOT NULL,"
                        " category TEXT NOT NULL, status TEXT NOT NULL, lead_department_id INTEGER,"
                        " co_department_ids TEXT NOT NULL DEFAULT '',"
                        " reply_summary TEXT NOT NULL DEFAULT '', seq BIGINT NOT NULL)"),
         QStringLiteral(
             "CREATE INDEX proposals_representative ON proposals (representative_id, year)"),
         QStringLiteral("CREATE TABLE consultations (id INTEGER PRIMARY KEY,"
                        " representative_id INTEGER NOT NULL, department_id INTEGER NOT NULL,"
                        " state TEXT NOT NULL, assignee_id INTEGER, subject TEXT NOT NULL,"
                        " created_at BIGINT NOT NULL, claimed_at BIGINT, closed_at BIGINT,"
                        " close_summary TEXT NOT NULL DEFAULT '', rating INTEGER,"
                        " rating_comment TEXT NOT NULL DEFAULT '', rated_at BIGINT,"
                        " last_transfer TEXT, seq BIGINT NOT NULL)"),
         QStringLiteral("CREATE INDEX consultations_queue ON consultations (state, created_at)"),
         QStringLiteral(
             "CREATE INDEX consultations_representative ON consultations (representative_id)"),
         // kind text: `text`; voice: the clip's metadata as JSON; system: its payload as JSON.
         QStringLiteral(
             "CREATE TABLE messages (id INTEGER PRIMARY KEY,"
             " consultation_id INTEGER NOT NULL, sender_kind TEXT NOT NULL, sender_id INTEGER,"
             " client_msg_id TEXT, kind TEXT NOT NULL, text TEXT NOT NULL DEFAULT '',"
             " payload TEXT, created_at BIGINT NOT NULL, seq BIGINT NOT NULL)"),
         QStringLiteral("CREATE INDEX messages_consultation ON messages (consultation_id, id)"),
         QStringLiteral(
             "CREATE TABLE sync_cursors (stream TEXT PRIMARY KEY, cursor TEXT NOT NULL)")}};
}

// External-content FTS5 tables: the text is stored once, in its own table; triggers keep the
// index in step with every insert, update and delete.
Migration search()
{
    return {
        2,
        {QStringLiteral("CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages',"
                        " content_rowid='id', tokenize='cjk')"),
         QStringLiteral("CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN"
                        " INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text); END"),
         QStringLiteral("CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN"
                        " INSERT INTO messages_fts (messages_fts, rowid, text)"
                        " VALUES ('delete', old.id, old.text); END"),
         QStringLiteral("CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN"
                        " INSERT INTO messages_fts (messages_fts, rowid, text)"
                        " VALUES ('delete', old.id, old.text);"
                        " INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text); END"),
         QStringLiteral("CREATE VIRTUAL TABLE proposals_fts USING fts5(title, reply_summary,"
                        " content='proposals', content_rowid='id', tokenize='cjk')"),
         QStringLiteral("CREATE TRIGGER proposals_fts_insert AFTER INSERT ON proposals BEGIN"
                        " INSERT INTO proposals_fts (rowid, title, reply_summary)"
                        " VALUES (new.id, new.title, new.reply_summary); END"),
         QStringLiteral("CREATE TRIGGER proposals_fts_delete AFTER DELETE ON proposals BEGIN"
                        " INSERT INTO proposals_fts (proposals_fts, rowid, title, reply_summary)"
                        " VALUES ('delete', old.id, old.title, old.reply_summary); END"),
         QStringLiteral("CREATE TRIGGER proposals_fts_update AFTER UPDATE ON proposals BEGIN"
                        " INSERT INTO proposals_fts (proposals_fts, rowid, title, reply_summary)"
                        " VALUES ('delete', old.id, old.title, old.reply_summary);"
                        " INSERT INTO proposals_fts (rowid, title, reply_summary)"
                        " VALUES (new.id, new.title, new.reply_summary); END")}};
}

// Consultations whose earlier messages still have to be fetched (they came into view after the
// messages stream had passed them): kept here so that a backfill interrupted by going offline
// or by the rate limit is continued, not forgotten.
Migration historyBackfill()
{
    return {3,
            {QStringLiteral("CREATE TABLE history_pending (consultation_id INTEGER PRIMARY KEY,"
                            " before_id INTEGER NOT NULL DEFAULT 0)")}};
}

// The officer's own reading position per consultation (local: unread counts are per
// workstation), and the indexes the queue filters page through.
Migration workspace()
{
    return {
        4,
        {QStringLiteral("CREATE TABLE read_marks (consultation_id INTEGER PRIMARY KEY,"
                        " last_read_id INTEGER NOT NULL)"),
         QStringLiteral("CREATE INDEX consultations_assignee ON consultations"
                        " (assignee_id, state, created_at)"),
         QStringLiteral("CREATE INDEX consultations_closed ON consultations (state, closed_at)"),
         QStringLiteral("CREATE INDEX consultations_created ON consultations (created_at)")}};
}

// Voice clips as this workstation knows them: the waveform computed here for a clip whose
// sender supplied none, and whether the officer has listened to it (per workstation, like read
// marks). The clips' bytes are files beside the cache (VoiceClipStore).
Migration voiceClips()
{
    return {5,
            {QStringLiteral("CREATE TABLE voice_clips (message_id INTEGER PRIMARY KEY,"
                            " waveform BLOB, heard INTEGER NOT NULL DEFAULT 0)")}};
}

// Reply scripts as the server last sent them: the whole record as JSON (the scripts library
// reads them all at once, a few hundred at most, and searches them in memory).
Migration replyScripts()
{
    return {
        6,
        {QStringLiteral("CREATE TABLE scripts (id INTEGER PRIMARY KEY,"
                        " client_id TEXT NOT NULL, record TEXT NOT NULL, seq BIGINT NOT NULL)")}};
}

// Consultations found by their subject ("梯" finds the one about elevators), indexed like
// messages; the rows already cached are indexed by the rebuild.
Migration subjectSearch()
{
    return {
        7,
        {QStringLiteral("CREATE VIRTUAL TABLE consultations_fts USING fts5(subject,"
                        " content='consultations', content_rowid='id', tokenize='cjk')"),
         QStringLiteral("CREATE TRIGGER consultations_fts_insert AFTER INSERT ON consultations"
                        " BEGIN INSERT INTO consultations_fts (rowid, subject)"
                        " VALUES (new.id, new.subject); END"),
         QStringLiteral("CREATE TRIGGER consultations_fts_delete AFTER DELETE ON consultations"
                        " BEGIN INSERT INTO consultations_fts (consultations_fts, rowid, subject)"
                        " VALUES ('delete', old.id, old.subject); END"),
         QStringLiteral("CREATE TRIGGER consultations_fts_update AFTER UPDATE OF subject"
                        " ON consultations BEGIN"
                        " INSERT INTO consultations_fts (consultations_fts, rowid, subject)"
                        " VALUES ('delete', old.id, old.subject);"
                        " INSERT INTO consultations_fts (rowid, subject)"
                        " VALUES (new.id, new.subject); END"),
         QStringLiteral("INSERT INTO consultations_fts (consultations_fts) VALUES ('rebuild')")}};
}

// Proposal statuses as protocol names (the server sent the Chinese words before), and the
// categories' English names: the proposals are fetched again from the start to get them.
Migration proposalWording()
{
    return {
        8,
        {QStringLiteral("ALTER TABLE proposals ADD COLUMN category_en TEXT NOT NULL DEFAULT ''"),
         QStringLiteral("UPDATE proposals SET status = CASE status"
                        " WHEN '已立案' THEN 'registered' WHEN '办理中' THEN 'handling'"
                        " WHEN '已答复' THEN 'replied' WHEN '已办结' THEN 'concluded'"
                        " ELSE status END"),
         QStringLiteral("DELETE FROM sync_cursors WHERE stream = 'proposals'")}};
}

// Voice messages turned into text on this workstation: what the engine heard (or why it could
// not), found by history search like the messages themselves.
Migration transcripts()
{
    return {9,
            {QStringLiteral("CREATE TABLE transcripts (message_id INTEGER PRIMARY KEY,"
                            " engine TEXT NOT NULL, language TEXT NOT NULL DEFAULT '',"
                            " text TEXT NOT NULL DEFAULT '', failure TEXT NOT NULL DEFAULT '',"
                            " updated_at BIGINT NOT NULL)"),
             QStringLiteral("CREATE VIRTUAL TABLE transcripts_fts USING fts5(text,"
                            " content='transcripts', content_rowid='message_id', tokenize='cjk')"),
             QStringLiteral("CREATE TRIGGER transcripts_fts_insert AFTER INSERT ON transcripts"
                            " BEGIN INSERT INTO transcripts_fts (rowid, text)"
                            " VALUES (new.message_id, new.text); END"),
             QStringLiteral("CREATE TRIGGER transcripts_fts_delete AFTER DELETE ON transcripts"
                            " BEGIN INSERT INTO transcripts_fts (transcripts_fts, rowid, text)"
                            " VALUES ('delete', old.message_id, old.text); END"),
             QStringLiteral("CREATE TRIGGER transcripts_fts_update AFTER UPDATE OF text"
                            " ON transcripts BEGIN"
                            " INSERT INTO transcripts_fts (transcripts_fts, rowid, text)"
                            " VALUES ('delete', old.message_id, old.text);"
                            " INSERT INTO transcripts_fts (rowid, text)"
                            " VALUES (new.message_id, new.text); END")}};
}

// Transcripts from the server too (protocol section 14) and corrections: `text` stays what is
// shown and searched (the correction when there is one), `machine_text` what the engine heard,
// so that "show the original" needs no second index.
Migration serverTranscripts()
{
    return {10,
            {QStringLiteral("ALTER TABLE transcripts ADD COLUMN machine_text TEXT NOT NULL"
                            " DEFAULT ''"),
             QStringLiteral("UPDATE transcripts SET machine_text = text"),
             QStringLiteral("ALTER TABLE transcripts ADD COLUMN corrected INTEGER NOT NULL"
                            " DEFAULT 0"),
             QStringLiteral("ALTER TABLE transcripts ADD COLUMN segments TEXT NOT NULL"
                            " DEFAULT '[]'"),
             QStringLiteral("ALTER TABLE transcripts ADD COLUMN state TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE transcripts ADD COLUMN revision INTEGER NOT NULL"
                            " DEFAULT 0"),
             QStringLiteral("ALTER TABLE transcripts ADD COLUMN seq BIGINT NOT NULL DEFAULT 0")}};
}

// The search indexes again, without positions or token counts (SearchIndexOptions): about
// half the size. The
// triggers of migrations 2, 7 and 9 keep writing to them by name. A table is declared here
// rather than with the constant's current value, so that this step stays what it was.
Migration smallerSearchIndexes()
{
    struct Index
    {
        const char *name;
        const char *columns;
    };
    const Index indexes[] = {
        {"messages_fts", "text, content='messages', content_rowid='id'"},
        {"proposals_fts", "title, reply_summary, content='proposals', content_rowid='id'"},
        {"consultations_fts", "subject, content='consultations', content_rowid='id'"},
        {"transcripts_fts", "text, content='transcripts', content_rowid='message_id'"},
    };
    QStringList statements;
    for (const Index &index : indexes) {
        const QString name = QLatin1String(index.name);
        statements << QStringLiteral("DROP TABLE %1").arg(name)
                   << QStringLiteral("CREATE VIRTUAL TABLE %1 USING fts5(%2,"
                                     " tokenize='cjk', detail=none, columnsize=0)")
                          .arg(name, QLatin1String(index.columns))
                   << QStringLiteral("INSERT INTO %1 (%1) VALUES ('rebuild')").arg(name);
    }
    return {11, statements};
}

} // namespace

const QList<Migration> &cacheMigrations()
{
    static const QList<Migration> list{records(),
                                       search(),
                                       historyBackfill(),
                                       workspace(),
                                       voiceClips(),
                                       replyScripts(),
                                       subjectSearch(),
                                       proposalWording(),
                                       transcripts(),
                                       serverTranscripts(),
                                       smallerSearchIndexes()};
    return list;
}
