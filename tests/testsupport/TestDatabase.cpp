#include "TestDatabase.h"

#include "server/auth/PasswordHasher.h"
#include "server/demo/DemoSeeder.h"
#include "server/storage/Database.h"
#include "server/storage/PostgresLocation.h"
#include "server/storage/Sql.h"

#include <QDateTime>
#include <QUuid>
#include <QtTest>

namespace TestDatabase {

bool onPostgres()
{
    return qEnvironmentVariableIsSet("CONSULT_TEST_POSTGRES");
}

QSqlDatabase inspect(const QString &location, const QString &name)
{
    if (!PostgresLocation::isPostgres(location)) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(location);
        db.open();
        return db;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    const auto options = PostgresLocation::connectOptions(location);
    if (!options)
        qFatal("cannot use %s: %s", qPrintable(location), qPrintable(options.error().reason));
    db.setConnectOptions(*options);
    db.open();
    return db;
}

QString newLocation(const QString &dir)
{
    if (!onPostgres())
        return dir + QStringLiteral("/server.sqlite");
    const QString admin = qEnvironmentVariable("CONSULT_TEST_POSTGRES");
    // A generated identifier (identifiers cannot be bound values).
    const QString name = QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128);
    {
        QSqlDatabase db = inspect(admin, QStringLiteral("test-admin"));
        if (!db.isOpen() || !SqlStatement(db, QStringLiteral("CREATE DATABASE ") + name).ok())
            qFatal("cannot create a test database on %s", qPrintable(admin));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("test-admin"));
    return admin.left(admin.lastIndexOf(QLatin1Char('/')) + 1) + name;
}

DemoSizes smallSizes()
{
    DemoSizes sizes;
    sizes.representatives = 40;
    sizes.proposals = 300;
    sizes.consultations = 12;
    return sizes;
}

DemoCatalog create(const QString &path, const DemoSizes &sizes)
{
    PasswordHasher::initialize();
    const DemoCatalog catalog = buildDemoCatalog(sizes);
    auto database = Database::open(path);
    if (!database)
        qFatal("cannot create test database: %s", qPrintable(database.error()));
    const auto seeded = DemoSeeder::seed(**database, catalog, DemoSeeder::bundledVoiceClips(),
                                         QDateTime::currentMSecsSinceEpoch());
    if (!seeded)
        qFatal("cannot seed test database: %s", qPrintable(seeded.error()));
    return catalog;
}

} // namespace TestDatabase

TestCast castFrom(const DemoCatalog &catalog)
{
    TestCast cast;
    QList<int> membersA;
    int deptB = -1;
    for (int d = 0; d < catalog.departments.size() && (membersA.size() < 3 || deptB < 0); ++d) {
        QList<int> members;
        for (int r = 0; r < catalog.responders.size(); ++r) {
            if (catalog.responders.at(r).department == d)
                members << r;
        }
        if (membersA.size() < 3 && members.size() >= 3) {
            membersA = members;
            cast.deptA = d + 1;
        } else if (deptB < 0 && !members.isEmpty()) {
            deptB = d;
            cast.deptB = d + 1;
            cast.responderB = catalog.responders.at(members.first()).login;
            cast.responderBId = members.first() + 1;
        }
    }
    // The lead is flagged in the catalog; the other two are plain responders.
    QList<int> plain;
    for (int r : membersA) {
        if (catalog.responders.at(r).lead) {
            cast.leadA = catalog.responders.at(r).login;
            cast.leadAId = r + 1;
        } else {
            plain << r;
        }
    }
    cast.responderA1 = catalog.responders.at(plain.at(0)).login;
    cast.responderA1Id = plain.at(0) + 1;
    cast.responderA2 = catalog.responders.at(plain.at(1)).login;
    cast.responderA2Id = plain.at(1) + 1;
    cast.rep1 = catalog.representatives.at(0).login;
    cast.rep1Id = 1;
    cast.rep2 = catalog.representatives.at(1).login;
    cast.rep2Id = 2;
    return cast;
}
