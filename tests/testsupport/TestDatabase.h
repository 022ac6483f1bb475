#pragma once

#include "server/demo/DemoCatalog.h"

#include <QSqlDatabase>
#include <QString>

// Writes a small demo catalog into a fresh server database file, so that integration tests
// start the real server on known data in well under a second.
namespace TestDatabase {
// Where a test's server database lives: a file in `dir`, or, when the test runs under
// tests/testsupport/with-postgres.sh (CONSULT_TEST_POSTGRES set), a new database on that
// throwaway cluster, named by its postgresql:// URI.
QString newLocation(const QString &dir);
bool onPostgres();
// A plain connection to the database at `location` (no migration, no node lock), for a test
// to look at what the server stored while it runs. Close it with removeDatabase(name).
QSqlDatabase inspect(const QString &location, const QString &name);
DemoSizes smallSizes();
// Returns the catalog written (indices map to ids: department i has id i + 1, and so on).
DemoCatalog create(const QString &path, const DemoSizes &sizes = smallSizes());
} // namespace TestDatabase

// The people the integration tests play, picked from a catalog: two departments, the lead and
// two responders of the first, a responder of the second, and two representatives.
struct TestCast
{
    qint64 deptA = 0;
    qint64 deptB = 0;
    QString leadA, responderA1, responderA2, responderB;
    qint64 leadAId = 0, responderA1Id = 0, responderA2Id = 0, responderBId = 0;
    QString rep1, rep2;
    qint64 rep1Id = 0, rep2Id = 0;
};
TestCast castFrom(const DemoCatalog &catalog);
