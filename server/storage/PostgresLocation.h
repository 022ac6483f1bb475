#pragma once

#include "app/core/Expected.h"

#include <QString>

// A PostgreSQL database named by a libpq connection URI, as `--db` takes it:
//   postgresql://[user[:password]@]host[:port][,host[:port]...][/dbname][?key=value&...]
// Several hosts make a multi-host string: with target_session_attrs=read-write (the default
// added here) libpq connects to whichever of them is the primary, so a node finds the new
// primary after a failover by connecting again.
//
// Qt's PostgreSQL driver takes libpq keywords, not a URI (it quotes the database name, so
// libpq never expands a URI there), hence this parser. The driver turns every ';' of the
// options into a space, so a value containing ';' is refused rather than silently changed.
namespace PostgresLocation {

bool isPostgres(const QString &location);
// Why a URI cannot be used.
struct Invalid
{
    QString reason;
};
// The libpq keyword/value string for the URI, with the server's defaults for what the URI
// does not set (connect timeout, TCP keepalives, application name, read-write target).
Expected<QString, Invalid> connectOptions(const QString &uri);
// The location as it may be logged: a password in it is replaced by "***".
QString redacted(const QString &location);

} // namespace PostgresLocation
