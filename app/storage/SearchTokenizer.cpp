#include "SearchTokenizer.h"

#include "SearchText.h"

#include <QSqlDriver>
#include <QVariant>
#include <sqlite3.h>

namespace {

using TokenCallback = int (*)(void *, int, const char *, int, int, int);

int emit(void *context, TokenCallback callback, int flags, const QByteArray &token, int start,
         int end)
{
    return callback(context, flags, token.constData(), static_cast<int>(token.size()), start, end);
}

int tokenize(Fts5Tokenizer *, void *context, int flags, const char *text, int size,
             TokenCallback callback)
{
    const QList<SearchUnit> units = searchUnits(text, size);
    const bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
    for (qsizetype i = 0; i < units.size(); ++i) {
        const SearchUnit &unit = units.at(i);
        const bool pair = unit.joinsNext && i + 1 < units.size();
        const QByteArray bigram =
            pair ? (unit.folded + units.at(i + 1).folded).toUtf8() : QByteArray();
        int rc = SQLITE_OK;
        if (query) {
            // A unit already inside the bigram before it adds nothing: a quoted pair of joined
            // units is its one bigram (searchMatchExpression asks for tokens one at a time).
            const bool covered = i > 0 && units.at(i - 1).joinsNext;
            if (pair)
                rc = emit(context, callback, 0, bigram, unit.start, units.at(i + 1).end);
            else if (!covered)
                rc = emit(context, callback, 0, unit.folded.toUtf8(), unit.start, unit.end);
        } else {
            rc = emit(context, callback, 0, unit.folded.toUtf8(), unit.start, unit.end);
            if (rc == SQLITE_OK && pair)
                rc = emit(context, callback, FTS5_TOKEN_COLOCATED, bigram, unit.start,
                          units.at(i + 1).end);
        }
        if (rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

// The tokenizer keeps no state: one static instance serves every table.
int create(void *, const char **, int, Fts5Tokenizer **out)
{
    static char instance;
    *out = reinterpret_cast<Fts5Tokenizer *>(&instance);
    return SQLITE_OK;
}

void destroy(Fts5Tokenizer *) {}

fts5_api *fts5Api(sqlite3 *handle)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(handle, "SELECT fts5(?1)", -1, &statement, nullptr) != SQLITE_OK)
        return nullptr;
    sqlite3_bind_pointer(statement, 1, &api, "fts5_api_ptr", nullptr);
    sqlite3_step(statement);
    sqlite3_finalize(statement);
    return api;
}

QString textArgument(sqlite3_value *value)
{
    const auto *utf8 = reinterpret_cast<const char *>(sqlite3_value_text(value));
    return QString::fromUtf8(utf8, sqlite3_value_bytes(value));
}

void searchContainsFunction(sqlite3_context *context, int, sqlite3_value **arguments)
{
    sqlite3_result_int(context,
                       searchContains(textArgument(arguments[0]), textArgument(arguments[1])));
}

} // namespace

bool registerSearchTokenizer(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return false;
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    fts5_api *api = connection ? fts5Api(connection) : nullptr;
    if (!api)
        return false;
    static fts5_tokenizer tokenizer{create, destroy, tokenize};
    return api->xCreateTokenizer(api, "cjk", nullptr, &tokenizer, nullptr) == SQLITE_OK &&
           sqlite3_create_function_v2(connection, "search_contains", 2,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                      nullptr, searchContainsFunction, nullptr, nullptr,
                                      nullptr) == SQLITE_OK;
}
