#include "WalCheckpointer.h"

#include "Sql.h"

#include <QSqlDatabase>
#include <QTimer>
#include <QUuid>

WalCheckpointer::WalCheckpointer(QString databasePath, int intervalMs, QObject *parent)
    : QThread(parent)
    , m_path(std::move(databasePath))
    , m_intervalMs(intervalMs)
{}

WalCheckpointer::~WalCheckpointer()
{
    quit();
    wait();
}

void WalCheckpointer::run()
{
    const QString name =
        QStringLiteral("checkpointer-") + QUuid::createUuid().toString(QUuid::Id128);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        if (db.open()) {
            SqlStatement(db, QStringLiteral("PRAGMA busy_timeout=1000"));
            QTimer timer;
            QObject::connect(&timer, &QTimer::timeout, [&db] {
                SqlStatement(db, QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
            });
            timer.start(m_intervalMs);
            exec();
            db.close();
        } else {
            qCWarning(lcSql) << "WAL checkpointer could not open the database";
        }
    }
    QSqlDatabase::removeDatabase(name);
}
