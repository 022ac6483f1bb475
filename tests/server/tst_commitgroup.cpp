// Group commit on a real SQLite file: what a request stores is visible to no one until its
// group commits, one request's rollback undoes only its own change, everyone waiting learns
// whether the commit held, and a failed commit stores nothing of the group.
#include "server/storage/CommitGroup.h"
#include "server/storage/Database.h"
#include "server/storage/Sql.h"
#include "server/storage/WriteTransaction.h"

#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// Another connection to the same file, as a second process (or a crash's survivor) sees it.
class Observer
{
public:
    explicit Observer(const QString &path)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name());
        db.setDatabaseName(path);
        db.open();
    }
    ~Observer() { QSqlDatabase::removeDatabase(name()); }
    QStringList notes() const
    {
        QStringList rows;
        SqlStatement query(QSqlDatabase::database(name()),
                           QStringLiteral("SELECT body FROM notes ORDER BY id"));
        while (query.next())
            rows << query.text(0);
        return rows;
    }

private:
    static QString name() { return QStringLiteral("observer"); }
};

bool addNote(Database &db, const QString &body, bool keep = true)
{
    WriteTransaction transaction(db);
    if (!transaction.isOpen() ||
        !SqlStatement(db, QStringLiteral("INSERT INTO notes (body) VALUES (?)"), {body}).ok())
        return false;
    return !keep || transaction.commit();
}

} // namespace

class TestCommitGroup : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<CommitGroup> m_group;
    QString m_path;

private Q_SLOTS:
    void init()
    {
        static int n = 0;
        m_path = m_dir.filePath(QStringLiteral("group-%1.sqlite").arg(++n));
        auto opened = Database::open(m_path);
        QVERIFY(opened);
        m_db = std::move(*opened);
        // A deferred foreign key is checked only at COMMIT: the way to make a commit fail.
        QVERIFY(SqlStatement(m_db->connection(),
                             QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY,"
                                            " body TEXT NOT NULL, parent INTEGER REFERENCES notes"
                                            " DEFERRABLE INITIALLY DEFERRED)"))
                    .ok());
        m_group = std::make_unique<CommitGroup>(*m_db);
        m_db->setCommitGroup(m_group.get());
    }

    void cleanup()
    {
        m_group.reset();
        m_db.reset();
    }

    void changesAreStoredOnlyWhenTheGroupCommits()
    {
        Observer observer(m_path);
        QVERIFY(addNote(*m_db, QStringLiteral("first")));
        QVERIFY(addNote(*m_db, QStringLiteral("second")));
        QVERIFY(m_group->isOpen());
        QCOMPARE(observer.notes(), QStringList{}); // acknowledged by no one yet
        QCoreApplication::processEvents();         // the loop comes round: the group commits
        QVERIFY(!m_group->isOpen());
        QCOMPARE(observer.notes(),
                 (QStringList{QStringLiteral("first"), QStringLiteral("second")}));
    }

    void aRolledBackChangeUndoesOnlyItself()
    {
        Observer observer(m_path);
        QVERIFY(addNote(*m_db, QStringLiteral("kept")));
        QVERIFY(addNote(*m_db, QStringLiteral("abandoned"), false));
        QVERIFY(addNote(*m_db, QStringLiteral("also kept")));
        QVERIFY(m_group->commit());
        QCOMPARE(observer.notes(),
                 (QStringList{QStringLiteral("kept"), QStringLiteral("also kept")}));
    }

    void waitersLearnThatTheCommitHeld()
    {
        QList<bool> settled;
        QObject receiver;
        QVERIFY(addNote(*m_db, QStringLiteral("one")));
        m_group->whenSettled(&receiver, [&settled](bool committed) { settled << committed; });
        {
            QObject gone;
            m_group->whenSettled(&gone, [&settled](bool) { settled << false; });
        } // a connection that went away meanwhile is not called
        QVERIFY(m_group->commit());
        QCOMPARE(settled, QList<bool>{true});
    }

    void aFailedCommitStoresNothingAndSaysSo()
    {
        Observer observer(m_path);
        QList<bool> settled;
        QObject receiver;
        QVERIFY(addNote(*m_db, QStringLiteral("innocent")));
        m_group->whenSettled(&receiver, [&settled](bool committed) { settled << committed; });
        {
            WriteTransaction transaction(*m_db);
            QVERIFY(SqlStatement(*m_db,
                                 QStringLiteral("INSERT INTO notes (body, parent) VALUES (?, ?)"),
                                 {QStringLiteral("orphan"), 999})
                        .ok());
            QVERIFY(transaction.commit()); // a savepoint's release does not check it yet
        }
        QVERIFY(!m_group->commit());
        QCOMPARE(settled, QList<bool>{false});
        QCOMPARE(observer.notes(), QStringList{});
        // The next group works as usual.
        QVERIFY(addNote(*m_db, QStringLiteral("later")));
        QVERIFY(m_group->commit());
        QCOMPARE(observer.notes(), QStringList{QStringLiteral("later")});
    }

    void aLargeGroupCommitsWithoutWaitingForTheLoop()
    {
        Observer observer(m_path);
        for (int i = 0; i < CommitGroup::MaxRequests; ++i) {
            QVERIFY(addNote(*m_db, QString::number(i)));
            m_group->requestHandled();
        }
        // The event loop never turned, yet changes were committed: after 256 requests, or
        // earlier when the group had been open 5 ms (a slow or busy machine, a sanitizer
        // build). Only what came after the last of those commits may still be open.
        const qsizetype stored = observer.notes().size();
        QVERIFY(stored > 0);
        if (m_group->isOpen())
            QVERIFY(stored < CommitGroup::MaxRequests);
        else
            QCOMPARE(stored, CommitGroup::MaxRequests);
    }

    void withoutAGroupEachChangeCommitsAlone()
    {
        m_db->setCommitGroup(nullptr);
        Observer observer(m_path);
        QVERIFY(addNote(*m_db, QStringLiteral("alone")));
        QCOMPARE(observer.notes(), QStringList{QStringLiteral("alone")});
        QVERIFY(addNote(*m_db, QStringLiteral("dropped"), false)); // written, never committed
        QCOMPARE(observer.notes(), QStringList{QStringLiteral("alone")});
    }
};

QTEST_GUILESS_MAIN(TestCommitGroup)
#include "tst_commitgroup.moc"
