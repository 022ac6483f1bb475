#include "CacheDatabase.h"

#include "CacheSchema.h"
#include "SearchTokenizer.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QtEndian>

namespace {

constexpr int headerBytes = 100;
const QByteArray sqliteMagic("SQLite format 3\0", 16);
const QStringList companions{QString(), QStringLiteral("-wal"), QStringLiteral("-shm")};

QString moveAside(const QString &path)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString target = path + QStringLiteral(".damaged-") + stamp;
    for (const QString &suffix : companions) {
        if (QFile::exists(path + suffix))
            QFile::rename(path + suffix, target + suffix);
    }
    return target;
}

struct ConnectionName
{
    QString value;
};

// Opens, checks and migrates; the error says what is wrong with the file.
Expected<ConnectionName, QString> openConnection(const QString &path, CacheDatabase::Check level)
{
    const QString name = QStringLiteral("cache-") + QUuid::createUuid().toString(QUuid::Id128);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    auto fail = [&](const QString &why) -> QString {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return why;
    };
    if (!db.open())
        return fail(QStringLiteral("cannot be opened: ") + db.lastError().text());
    if (!registerSearchTokenizer(db))
        return fail(QStringLiteral("the search tokenizer cannot be registered"));
    QSqlQuery check(db);
    const QString sql = level == CacheDatabase::Check::Full
                            ? QStringLiteral("PRAGMA quick_check")
                            : QStringLiteral("SELECT COUNT(*) FROM sqlite_master");
    const bool readable = check.exec(sql) && check.next();
    if (level == CacheDatabase::Check::Full &&
        (!readable || check.value(0).toString() != QLatin1String("ok")))
        return fail(QStringLiteral("fails SQLite's integrity check"));
    if (!readable)
        return fail(QStringLiteral("is not a readable SQLite database"));
    check.finish();
    for (const char *pragma :
         {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA busy_timeout=2000"}) {
        QSqlQuery q(db);
        if (!q.exec(QLatin1String(pragma)))
            return fail(QStringLiteral("cannot be configured: ") + q.lastError().text());
    }
    const auto migrated = migrate(db, cacheMigrations());
    if (!migrated)
        return fail(QStringLiteral("has an unreadable schema: ") + migrated.error());
    return ConnectionName{name};
}

} // namespace

std::optional<QString> CacheDatabase::inspectFile(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return QFile::exists(path + QStringLiteral("-wal"))
                   ? std::optional<QString>(
                         QStringLiteral("a write-ahead log without its database"))
                   : std::nullopt;
    if (file.size() == 0)
        return std::nullopt;
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot be read");
    const QByteArray header = file.read(headerBytes);
    if (!header.startsWith(sqliteMagic))
        return header.size() < sqliteMagic.size() ? QStringLiteral("is truncated")
                                                  : QStringLiteral("is not an SQLite database");
    if (header.size() < headerBytes)
        return QStringLiteral("is truncated");
    // The header states its page size and, when its "valid-for" counter is current, the page
    // count; a file shorter than that lost its tail.
    quint32 pageSize = qFromBigEndian<quint16>(header.constData() + 16);
    if (pageSize == 1)
        pageSize = 65536;
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        return QStringLiteral("has a damaged header");
    const quint32 pages = qFromBigEndian<quint32>(header.constData() + 28);
    const bool countValid = qFromBigEndian<quint32>(header.constData() + 24) ==
                            qFromBigEndian<quint32>(header.constData() + 92);
    // With a write-ahead log beside it, a file shorter than its header says may be a checkpoint
    // cut short that SQLite recovers from the log: leave that judgement to SQLite.
    const bool walPresent = QFile::exists(path + QStringLiteral("-wal"));
    if (file.size() % pageSize != 0 ||
        (!walPresent && countValid && file.size() < qint64(pages) * pageSize))
        return QStringLiteral("is truncated");
    return std::nullopt;
}

Expected<std::unique_ptr<CacheDatabase>, QString> CacheDatabase::open(const QString &path,
                                                                      Check check)
{
    std::optional<Recovery> recovery;
    if (const auto damage = inspectFile(path))
        recovery = Recovery{*damage, moveAside(path)};
    auto name = openConnection(path, check);
    if (!name && !recovery) {
        recovery = Recovery{name.error(), moveAside(path)};
        name = openConnection(path, check);
    }
    if (!name)
        return QStringLiteral("the cache %1 %2").arg(path, name.error());
    std::unique_ptr<CacheDatabase> cache(new CacheDatabase(name->value));
    cache->m_recovery = recovery;
    return cache;
}

Expected<std::unique_ptr<CacheDatabase>, QString> CacheDatabase::replace(const QString &path,
                                                                         const QString &reason)
{
    const Recovery recovery{reason, moveAside(path)};
    auto name = openConnection(path, Check::Quick);
    if (!name)
        return QStringLiteral("the cache %1 %2").arg(path, name.error());
    std::unique_ptr<CacheDatabase> cache(new CacheDatabase(name->value));
    cache->m_recovery = recovery;
    return cache;
}

std::optional<QString> CacheDatabase::checkFile(const QString &path)
{
    if (auto damage = inspectFile(path))
        return damage;
    const QString name =
        QStringLiteral("cache-check-") + QUuid::createUuid().toString(QUuid::Id128);
    std::optional<QString> damage;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            damage = QStringLiteral("cannot be opened");
        } else {
            QSqlQuery check(db);
            if (!check.exec(QStringLiteral("PRAGMA quick_check")) || !check.next() ||
                check.value(0).toString() != QLatin1String("ok"))
                damage = QStringLiteral("fails SQLite's integrity check");
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return damage;
}

CacheDatabase::~CacheDatabase()
{
    {
        QSqlDatabase db = connection();
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}
