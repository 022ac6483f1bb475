#include "Migrations.h"

#include <QRegularExpression>

namespace {

Migration directory()
{
    return {
        1,
        {QStringLiteral("CREATE TABLE departments ("
                        " id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
                        " name_en TEXT NOT NULL, seq BIGINT NOT NULL)"),
         QStringLiteral("CREATE TABLE responders ("
                        " id INTEGER PRIMARY KEY, login TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
                        " department_id INTEGER NOT NULL REFERENCES departments(id),"
                        " role TEXT NOT NULL CHECK (role IN ('responder', 'lead')),"
                        " title TEXT NOT NULL DEFAULT '', password_hash TEXT NOT NULL,"
                        " active INTEGER NOT NULL DEFAULT 1, seq BIGINT NOT NULL)"),
         QStringLiteral("CREATE TABLE representatives ("
                        " id INTEGER PRIMARY KEY, login TEXT NOT NULL UNIQUE, name TEXT NOT NULL,"
                        " kind TEXT NOT NULL CHECK (kind IN ('npc', 'cppcc')),"
                        " delegation TEXT NOT NULL DEFAULT '', sector TEXT NOT NULL DEFAULT '',"
                        " organization TEXT NOT NULL DEFAULT '', mobile TEXT NOT NULL DEFAULT '',"
                        " office_phone TEXT NOT NULL DEFAULT '', email TEXT NOT NULL DEFAULT '',"
                        " address TEXT NOT NULL DEFAULT '', password_hash TEXT NOT NULL,"
                        " seq BIGINT NOT NULL)"),
         QStringLiteral("CREATE TABLE proposals ("
                        " id INTEGER PRIMARY KEY,"
                        " representative_id INTEGER NOT NULL REFERENCES representatives(id),"
                        " number TEXT NOT NULL, year INTEGER NOT NULL,"
                        " kind TEXT NOT NULL CHECK (kind IN ('suggestion', 'proposal')),"
                        " title TEXT NOT NULL, category TEXT NOT NULL, status TEXT NOT NULL,"
                        " lead_department_id INTEGER REFERENCES departments(id),"
                        " reply_summary TEXT NOT NULL DEFAULT '', seq BIGINT NOT NULL,"
                        " UNIQUE (year, kind, number))"),
         QStringLiteral("CREATE TABLE proposal_co_departments ("
                        " proposal_id INTEGER NOT NULL REFERENCES proposals(id),"
                        " department_id INTEGER NOT NULL REFERENCES departments(id),"
                        " PRIMARY KEY (proposal_id, department_id))"),
         QStringLiteral("CREATE INDEX departments_seq ON departments (seq)"),
         QStringLiteral("CREATE INDEX responders_seq ON responders (seq)"),
         QStringLiteral("CREATE INDEX representatives_seq ON representatives (seq)"),
         QStringLiteral("CREATE INDEX proposals_seq ON proposals (seq)"),
         QStringLiteral("CREATE INDEX proposals_representative ON proposals (representative_id)")}};
}

Migration consultations()
{
    return {
        2,
        {QStringLiteral("CREATE TABLE transfers ("
                        " id INTEGER PRIMARY KEY, consultation_id INTEGER NOT NULL,"
                        " from_department_id INTEGER NOT NULL, from_responder_id INTEGER,"
                        " to_department_id INTEGER NOT NULL, to_responder_id INTEGER,"
                        " reason TEXT NOT NULL, by_responder_id INTEGER NOT NULL, created_at "
                        "BIGINT NOT NULL)"),
         QStringLiteral("CREATE TABLE consultations ("
                        " id INTEGER PRIMARY KEY,"
                        " representative_id INTEGER NOT NULL REFERENCES representatives(id),"
                        " client_id TEXT NOT NULL,"
                        " department_id INTEGER NOT NULL REFERENCES departments(id),"
                        " state TEXT NOT NULL CHECK (state IN ('waiting', 'claimed', 'closed')),"
                        " assignee_id INTEGER REFERENCES responders(id), subject TEXT NOT NULL,"
                        " created_at BIGINT NOT NULL, claimed_at BIGINT, closed_at BIGINT,"
                        " close_summary TEXT NOT NULL DEFAULT '',"
                        " rating INTEGER CHECK (rating BETWEEN 1 AND 5),"
                        " rating_comment TEXT NOT NULL DEFAULT '', rated_at BIGINT,"
                        " last_transfer_id INTEGER REFERENCES transfers(id), seq BIGINT NOT NULL,"
                        " UNIQUE (representative_id, client_id))"),
         QStringLiteral("CREATE TABLE consultation_participants ("
                        " consultation_id INTEGER NOT NULL REFERENCES consultations(id),"
                        " responder_id INTEGER NOT NULL REFERENCES responders(id),"
                        " PRIMARY KEY (consultation_id, responder_id))"),
         QStringLiteral("CREATE TABLE consultation_departures ("
                        " seq BIGINT PRIMARY KEY,"
                        " consultation_id INTEGER NOT NULL REFERENCES consultations(id),"
                        " department_id INTEGER NOT NULL REFERENCES departments(id))"),
         QStringLiteral("CREATE TABLE voice_clips ("
                        " id INTEGER PRIMARY KEY, duration_ms INTEGER NOT NULL,"
                        " bytes INTEGER NOT NULL, waveform TEXT, data BLOB NOT NULL)"),
         QStringLiteral(
             "CREATE TABLE messages ("
             " id INTEGER PRIMARY KEY,"
             " consultation_id INTEGER NOT NULL REFERENCES consultations(id),"
             " sender_kind TEXT NOT NULL"
             "  CHECK (sender_kind IN ('representative', 'responder', 'system')),"
             " sender_id INTEGER, client_msg_id TEXT,"
             " kind TEXT NOT NULL CHECK (kind IN ('text', 'voice', 'system')),"
             " body TEXT NOT NULL DEFAULT '', voice_clip_id INTEGER REFERENCES voice_clips(id),"
             " created_at BIGINT NOT NULL, seq BIGINT NOT NULL)"),
         QStringLiteral("CREATE UNIQUE INDEX messages_client_msg"
                        " ON messages (sender_kind, sender_id, client_msg_id)"),
         QStringLiteral("CREATE INDEX messages_consultation ON messages (consultation_id, id)"),
         QStringLiteral("CREATE INDEX messages_seq ON messages (seq)"),
         QStringLiteral("CREATE INDEX consultations_seq ON consultations (seq)"),
         QStringLiteral("CREATE INDEX consultations_department ON consultations (department_id)"),
         QStringLiteral("CREATE INDEX consultations_representative"
                        " ON consultations (representative_id)"),
         QStringLiteral("CREATE INDEX participants_responder"
                        " ON consultation_participants (responder_id)")}};
}

Migration sessions()
{
    return {3,
            {QStringLiteral("CREATE TABLE sessions ("
                            " token_hash TEXT PRIMARY KEY,"
                            " principal_kind TEXT NOT NULL"
                            "  CHECK (principal_kind IN ('responder', 'representative')),"
                            " principal_id INTEGER NOT NULL, created_at BIGINT NOT NULL,"
                            " expires_at BIGINT NOT NULL, revoked_at BIGINT)"),
             QStringLiteral(
                 "CREATE INDEX sessions_principal ON sessions (principal_kind, principal_id)")}};
}

// Reply scripts. A deleted script stays as a tombstone (deleted = 1) with a new seq, so that
// the deletion travels through the scripts stream like any other change. Leads were the only
// ones who could be trusted with the department's wording before the flag existed, so they
// start as editors. The responders' records are not given new seqs: clients learn their own
// flag from the principal, and others' flags matter to nobody's cache.
Migration replyScripts()
{
    return {4,
            {QStringLiteral(
                 "ALTER TABLE responders ADD COLUMN script_editor INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("UPDATE responders SET script_editor = 1 WHERE role = 'lead'"),
             QStringLiteral(
                 "CREATE TABLE reply_scripts ("
                 " id INTEGER PRIMARY KEY, client_id TEXT NOT NULL UNIQUE,"
                 " scope TEXT NOT NULL CHECK (scope IN ('department', 'personal')),"
                 " department_id INTEGER NOT NULL REFERENCES departments(id),"
                 " owner_id INTEGER REFERENCES responders(id),"
                 " title TEXT NOT NULL, body TEXT NOT NULL, category TEXT NOT NULL DEFAULT '',"
                 " tags TEXT NOT NULL DEFAULT '[]', valid_until TEXT,"
                 " position REAL NOT NULL DEFAULT 0, revision INTEGER NOT NULL,"
                 " created_by INTEGER NOT NULL, updated_by INTEGER NOT NULL,"
                 " updated_at BIGINT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,"
                 " seq BIGINT NOT NULL, last_edit_id TEXT NOT NULL,"
                 " CHECK ((scope = 'personal') = (owner_id IS NOT NULL)))"),
             QStringLiteral("CREATE INDEX reply_scripts_seq ON reply_scripts (seq)")}};
}

// Proposal statuses become protocol names (they were stored as the Chinese words), so that a
// console can word them in its own language; categories gain their English names.
Migration proposalWording()
{
    return {
        5,
        {QStringLiteral("ALTER TABLE proposals ADD COLUMN category_en TEXT NOT NULL DEFAULT ''"),
         QStringLiteral("UPDATE proposals SET status = CASE status"
                        " WHEN '已立案' THEN 'registered' WHEN '办理中' THEN 'handling'"
                        " WHEN '已答复' THEN 'replied' WHEN '已办结' THEN 'concluded'"
                        " ELSE status END")}};
}

// Transcripts of voice messages (protocol section 14): one per voice message, the engine's
// segments as JSON (read whole, never queried into), a responder's correction beside them.
Migration transcripts()
{
    return {6,
            {QStringLiteral(
                 "CREATE TABLE transcripts ("
                 " message_id INTEGER PRIMARY KEY REFERENCES messages(id),"
                 " consultation_id INTEGER NOT NULL REFERENCES consultations(id),"
                 " state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'failed')),"
                 " engine TEXT NOT NULL DEFAULT '', language TEXT NOT NULL DEFAULT '',"
                 " segments TEXT NOT NULL DEFAULT '[]', failure TEXT NOT NULL DEFAULT '',"
                 " corrected_text TEXT, corrected_by INTEGER REFERENCES responders(id),"
                 " corrected_at BIGINT, last_edit_id TEXT NOT NULL DEFAULT '',"
                 " revision INTEGER NOT NULL, updated_at BIGINT NOT NULL, seq BIGINT NOT NULL)"),
             QStringLiteral("CREATE INDEX transcripts_seq ON transcripts (seq)"),
             QStringLiteral("CREATE INDEX transcripts_pending ON transcripts (state)"
                            " WHERE state = 'pending'")}};
}

// Replies a shared desk (the kiosk) discarded undelivered at sign-out, as its next session
// reported them: the department learns what a representative was never sent.
Migration discardedReplies()
{
    return {
        7,
        {QStringLiteral(
             "CREATE TABLE discarded_replies ("
             " client_msg_id TEXT PRIMARY KEY,"
             " consultation_id INTEGER NOT NULL REFERENCES consultations(id),"
             " author_login TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('text', 'voice')),"
             " characters INTEGER NOT NULL, typed_at BIGINT NOT NULL,"
             " discarded_at BIGINT NOT NULL,"
             " reported_by INTEGER NOT NULL REFERENCES responders(id),"
             " reported_at BIGINT NOT NULL)"),
         QStringLiteral("CREATE INDEX discarded_replies_consultation"
                        " ON discarded_replies (consultation_id)")}};
}

// Department statistics (protocol section 16): each department's targets, the stored finished
// days, and the indexes that find one day's activity and one department's history.
Migration statistics()
{
    return {
        8,
        {QStringLiteral("ALTER TABLE departments ADD COLUMN answer_within_minutes INTEGER NOT NULL"
                        " DEFAULT 30 CHECK (answer_within_minutes BETWEEN 1 AND 240)"),
         QStringLiteral("ALTER TABLE departments ADD COLUMN waiting_limit_minutes INTEGER NOT NULL"
                        " DEFAULT 15 CHECK (waiting_limit_minutes BETWEEN 1 AND 1440)"),
         QStringLiteral("CREATE TABLE stats_days (day TEXT PRIMARY KEY, zone TEXT NOT NULL,"
                        " computed_at BIGINT NOT NULL)"),
         QStringLiteral("CREATE TABLE stats_cells ("
                        " department_id INTEGER NOT NULL, day TEXT NOT NULL,"
                        " dimension TEXT NOT NULL"
                        "  CHECK (dimension IN ('department', 'responder', 'group')),"
                        " kind TEXT NOT NULL, key TEXT NOT NULL, cell BLOB NOT NULL,"
                        " PRIMARY KEY (department_id, day, dimension, kind, key)) WITHOUT ROWID"),
         QStringLiteral("CREATE INDEX consultations_created ON consultations (created_at)"),
         QStringLiteral("CREATE INDEX messages_created ON messages (created_at)"),
         QStringLiteral("CREATE INDEX transfers_from ON transfers (from_department_id)"),
         QStringLiteral("CREATE INDEX transfers_to ON transfers (to_department_id)"),
         // What is open now, per department and holder: a handful of rows among millions.
         // Queries name the index's condition (state <> 'closed') so that SQLite may use it.
         QStringLiteral("CREATE INDEX consultations_open ON consultations"
                        " (department_id, state, assignee_id) WHERE state <> 'closed'")}};
}

// Several server nodes on one PostgreSQL database (docs/server.md, "Several nodes"): the change
// counter every node takes its seqs from (one row, locked by each writing transaction until it
// commits, so that seqs become visible in the order they were handed out), what a node needs
// to tell the others' clients about (a new consultation, a revoked session), all read by seq.
// SQLite keeps its counter in memory and uses none of this but the columns.
Migration changeFeed()
{
    return {9,
            {QStringLiteral("CREATE TABLE change_counter ("
                            " id INTEGER PRIMARY KEY CHECK (id = 1), value BIGINT NOT NULL)"),
             QStringLiteral("ALTER TABLE consultations ADD COLUMN created_seq BIGINT"),
             QStringLiteral("ALTER TABLE sessions ADD COLUMN revoked_seq BIGINT"),
             QStringLiteral("CREATE INDEX sessions_revoked ON sessions (revoked_seq)"
                            " WHERE revoked_seq IS NOT NULL")}};
}

// Several nodes: failed sign-ins counted across them (server/auth/SharedLoginBlocks).
Migration sharedLoginBlocks()
{
    return {10,
            {QStringLiteral("CREATE TABLE login_blocks (key TEXT PRIMARY KEY,"
                            " failures INTEGER NOT NULL, blocked_until BIGINT NOT NULL,"
                            " updated_at BIGINT NOT NULL)"),
             QStringLiteral("CREATE INDEX login_blocks_updated ON login_blocks (updated_at)")}};
}

} // namespace

const QList<Migration> &serverMigrations(SqlEngine engine)
{
    static const QList<Migration> list{
        directory(),   consultations(),    sessions(),   replyScripts(), proposalWording(),
        transcripts(), discardedReplies(), statistics(), changeFeed(),   sharedLoginBlocks()};
    static const QList<Migration> postgres = [] {
        QList<Migration> translated = list;
        for (Migration &migration : translated) {
            for (QString &statement : migration.statements)
                statement = postgresStatement(statement);
        }
        return translated;
    }();
    return engine == SqlEngine::PostgreSQL ? postgres : list;
}

QString postgresStatement(const QString &sqlite)
{
    static const QRegularExpression serial(QStringLiteral("\\bid INTEGER PRIMARY KEY\\b"));
    static const QRegularExpression integer(QStringLiteral("\\bINTEGER\\b"));
    static const QRegularExpression blob(QStringLiteral("\\bBLOB\\b"));
    static const QRegularExpression real(QStringLiteral("\\bREAL\\b"));
    QString sql = sqlite;
    sql.replace(serial, QStringLiteral("id BIGSERIAL PRIMARY KEY"));
    sql.replace(integer, QStringLiteral("BIGINT"));
    sql.replace(blob, QStringLiteral("BYTEA"));
    sql.replace(real, QStringLiteral("DOUBLE PRECISION"));
    sql.remove(QStringLiteral(" WITHOUT ROWID"));
    return sql;
}

int latestSchemaVersion()
{
    return serverMigrations().constLast().version;
}
