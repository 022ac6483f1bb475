// The postgresql:// URI an operator writes in --db, as Qt's PostgreSQL driver is given it.
#include "server/storage/PostgresLocation.h"

#include <QtTest>

class TestPostgresLocation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void onlyPostgresUrisArePostgres()
    {
        QVERIFY(PostgresLocation::isPostgres(QStringLiteral("postgresql://db/consult")));
        QVERIFY(PostgresLocation::isPostgres(QStringLiteral("postgres://db/consult")));
        QVERIFY(!PostgresLocation::isPostgres(QStringLiteral("/var/lib/consult/server.sqlite")));
        QVERIFY(!PostgresLocation::isPostgres(QStringLiteral("postgresql.sqlite")));
    }

    void everyPartBecomesAKeyword()
    {
        const auto options = PostgresLocation::connectOptions(
            QStringLiteral("postgresql://consult:s%40cret@db1.example:5433/consult_day"
                           "?sslmode=require&connect_timeout=2"));
        QVERIFY(options.hasValue());
        const QString o = *options;
        QVERIFY2(o.startsWith(QLatin1String("host='db1.example' port='5433' dbname='consult_day'"
                                            " user='consult' password='s@cret'"
                                            " sslmode='require' connect_timeout='2'")),
                 qPrintable(o));
        // The URI's own timeout wins over the default; the other defaults are added.
        QCOMPARE(o.count(QLatin1String("connect_timeout=")), 1);
        QVERIFY(o.contains(QLatin1String("keepalives='1'")));
        QVERIFY(o.contains(QLatin1String("target_session_attrs='read-write'")));
    }

    // A primary and its standbys: libpq tries each and keeps the one that accepts writes.
    void severalHostsStayOneMultiHostString()
    {
        const auto options = PostgresLocation::connectOptions(
            QStringLiteral("postgresql://a:5432,b,[::1]:6000/consult"));
        QVERIFY(options.hasValue());
        QVERIFY2(options->startsWith(QLatin1String("host='a,b,::1' port='5432,,6000'")),
                 qPrintable(*options));
    }

    void quotesInValuesAreEscaped()
    {
        const auto options =
            PostgresLocation::connectOptions(QStringLiteral("postgresql://u:it's%5Cme@h/d"));
        QVERIFY(options.hasValue());
        QVERIFY2(options->contains(QLatin1String("password='it\\'s\\\\me'")), qPrintable(*options));
    }

    void badUrisAreRefusedWithAReason_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("reason");
        QTest::newRow("port") << QStringLiteral("postgresql://h:99999/d") << QStringLiteral("port");
        QTest::newRow("parameter")
            << QStringLiteral("postgresql://h/d?x") << QStringLiteral("parameter");
        // Qt's driver would turn ';' into a space: refused rather than silently changed.
        QTest::newRow("semicolon")
            << QStringLiteral("postgresql://u:a;b@h/d") << QStringLiteral("';'");
    }

    void badUrisAreRefusedWithAReason()
    {
        QFETCH(QString, uri);
        QFETCH(QString, reason);
        const auto options = PostgresLocation::connectOptions(uri);
        QVERIFY(!options.hasValue());
        QVERIFY2(options.error().reason.contains(reason), qPrintable(options.error().reason));
    }

    // As libpq: the user information ends at an '@' before the first '/'. A password with a
    // raw '/' is refused, and neither the message nor the logged URI shows any of it.
    void unencodedPasswordsAreRefusedWithoutShowingThem()
    {
        const QString uri = QStringLiteral("postgresql://consult:s3/cr?t@db1/consult");
        const auto options = PostgresLocation::connectOptions(uri);
        QVERIFY(!options.hasValue());
        QVERIFY2(!options.error().reason.contains(QLatin1String("s3")),
                 qPrintable(options.error().reason));
        QVERIFY(!PostgresLocation::redacted(uri).contains(QLatin1String("s3")));
        QVERIFY(!PostgresLocation::redacted(uri).contains(QLatin1String("cr?t")));
        // Encoded, it is the password; an '@' in a parameter is not the user information.
        const auto encoded = PostgresLocation::connectOptions(
            QStringLiteral("postgresql://consult:s3%2Fcr%3Ft@db1/consult?user=consult@srv"));
        QVERIFY(encoded.hasValue());
        QVERIFY2(encoded->startsWith(QLatin1String("host='db1' dbname='consult' user='consult'"
                                                   " password='s3/cr?t' user='consult@srv'")),
                 qPrintable(*encoded));
        QCOMPARE(PostgresLocation::redacted(QStringLiteral("postgresql://h:5432/d?password=p@ss")),
                 QStringLiteral("postgresql://h:5432/d?password=***"));
        QCOMPARE(PostgresLocation::redacted(QStringLiteral("postgresql://h/d?pass%77ord=x")),
                 QStringLiteral("postgresql://h/d?pass%77ord=***"));
    }

    void passwordsAreNotLogged()
    {
        QCOMPARE(PostgresLocation::redacted(QStringLiteral("postgresql://u:secret@h:5432/d")),
                 QStringLiteral("postgresql://u:***@h:5432/d"));
        QCOMPARE(PostgresLocation::redacted(QStringLiteral("postgresql://u@h/d?password=x&a=b")),
                 QStringLiteral("postgresql://u@h/d?password=***&a=b"));
        QCOMPARE(PostgresLocation::redacted(QStringLiteral("postgresql://h:5432/d")),
                 QStringLiteral("postgresql://h:5432/d"));
        QCOMPARE(PostgresLocation::redacted(QStringLiteral("/srv/a:b@c.sqlite")),
                 QStringLiteral("/srv/a:b@c.sqlite"));
    }
};

QTEST_GUILESS_MAIN(TestPostgresLocation)
#include "tst_postgreslocation.moc"
