// Full-text search over Chinese, Latin and digits, for queries of any length, through a real
// SQLite FTS5 table using the project's tokenizer.
#include "app/storage/SearchText.h"
#include "app/storage/SearchTokenizer.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>
#include <random>

namespace {

const QStringList kWords{
    QStringLiteral("人大代表"), QStringLiteral("政协委员"), QStringLiteral("养老"),
    QStringLiteral("服务"),     QStringLiteral("老旧小区"), QStringLiteral("加装电梯"),
    QStringLiteral("补贴"),     QStringLiteral("医保"),     QStringLiteral("异地"),
    QStringLiteral("结算"),     QStringLiteral("的"),       QStringLiteral("学校"),
    QStringLiteral("报名"),     QStringLiteral("时间"),     QStringLiteral("交通"),
    QStringLiteral("公交线路"), QStringLiteral("A1栋"),     QStringLiteral("2024-0153"),
    QStringLiteral("5G"),       QStringLiteral("浦东新区"), QStringLiteral("代"),
    QStringLiteral("表"),       QStringLiteral("大"),       QStringLiteral("人"),
};
const QStringList kSeparators{QString(),           QString(),
                              QString(),           QStringLiteral("，"),
                              QStringLiteral(" "), QStringLiteral("。"),
                              QStringLiteral("、")};

} // namespace

class TestSearch : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir dir;
    QSqlDatabase db;
    QStringList docs;

    QList<qint64> search(const QString &query)
    {
        // As the cache's reader asks: the index, then the text where the index cannot tell.
        const bool check = searchNeedsCheck(query);
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT rowid FROM docs WHERE docs MATCH ?%1 ORDER BY rowid DESC")
                      .arg(check ? QStringLiteral(" AND search_contains(body, ?)") : QString()));
        q.addBindValue(searchMatchExpression(query));
        if (check)
            q.addBindValue(query);
        if (!q.exec())
            qWarning() << q.lastError().text();
        QList<qint64> rows;
        while (q.next())
            rows << q.value(0).toLongLong();
        return rows;
    }

    void insert(qint64 id, const QString &text)
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO docs (rowid, body) VALUES (?, ?)"));
        q.addBindValue(id);
        q.addBindValue(text);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("search"));
        db.setDatabaseName(dir.filePath(QStringLiteral("search.sqlite")));
        QVERIFY(db.open());
        QVERIFY(registerSearchTokenizer(db));
        QSqlQuery create(db);
        QVERIFY2(create.exec(QStringLiteral("CREATE VIRTUAL TABLE docs USING fts5(body, %1)")
                                 .arg(QLatin1String(SearchIndexOptions))),
                 qPrintable(create.lastError().text()));

        std::mt19937 random(7);
        for (int d = 0; d < 600; ++d) {
            QString text;
            const int words = 2 + static_cast<int>(random() % 10);
            for (int w = 0; w < words; ++w)
                text += kWords.at(random() % kWords.size()) +
                        kSeparators.at(random() % kSeparators.size());
            docs << text;
        }
        QVERIFY(db.transaction());
        for (int i = 0; i < docs.size(); ++i)
            insert(i + 1, docs.at(i));
        QVERIFY(db.commit());
    }

    void cleanupTestCase()
    {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("search"));
    }

    // The oracle is plain substring search: for queries without separators, a document
    // matches exactly when it contains the query (after folding case).
    void everySubstringOfOneToSixCharactersIsFound()
    {
        std::mt19937 random(11);
        int checked = 0;
        for (int round = 0; round < 1500; ++round) {
            const QString &source = docs.at(random() % docs.size());
            const int length = 1 + static_cast<int>(random() % 6);
            const int at =
                static_cast<int>(random() % std::max<qsizetype>(1, source.size() - length + 1));
            const QString query = source.mid(at, length);
            if (query.size() != length || searchUnits(query).size() != length)
                continue; // a separator inside: not a plain substring query
            QList<qint64> expected;
            for (int i = docs.size() - 1; i >= 0; --i) {
                if (docs.at(i).contains(query, Qt::CaseInsensitive))
                    expected << i + 1;
            }
            QCOMPARE(search(query), expected);
            ++checked;
        }
        QVERIFY(checked > 300);
    }

    void twoCharacterQueriesWork()
    {
        // The case FTS5's trigram tokenizer gets wrong: 2-character Chinese words.
        const QList<qint64> rows = search(QStringLiteral("养老"));
        QVERIFY(!rows.isEmpty());
        for (qint64 row : rows)
            QVERIFY(docs.at(row - 1).contains(QStringLiteral("养老")));
    }

    void orderMattersAndSeparatorsBreakAdjacency()
    {
        insert(10001, QStringLiteral("感谢人大，代表团的支持"));
        insert(10002, QStringLiteral("代表大人物"));
        QVERIFY(!search(QStringLiteral("大代")).contains(10001));
        QVERIFY(search(QStringLiteral("人大")).contains(10001));
        QVERIFY(!search(QStringLiteral("表代")).contains(10002));
        QVERIFY(search(QStringLiteral("代表大")).contains(10002));
        // Every bigram of the query is there, but apart: the index finds it, the text check
        // must not.
        insert(10003, QStringLiteral("代表团和表大会"));
        QVERIFY(!search(QStringLiteral("代表大")).contains(10003));
        QVERIFY(search(QStringLiteral("表大会")).contains(10003));
    }

    void mixedScriptsDigitsAndFullWidthForms()
    {
        insert(20001, QStringLiteral("请到A1栋3单元，编号2024-0153。"));
        QVERIFY(search(QStringLiteral("a1")).contains(20001));
        QVERIFY(search(QStringLiteral("Ａ１栋")).contains(20001)); // full-width forms fold to ASCII
        QVERIFY(search(QStringLiteral("0153")).contains(20001));
        QVERIFY(search(QStringLiteral("15")).contains(20001));
        QVERIFY(search(QStringLiteral("栋3单")).contains(20001));
        QVERIFY(!search(QStringLiteral("a2")).contains(20001));
        // Two units the user separated must still be next to each other in the text.
        QVERIFY(search(QStringLiteral("2024-0153")).contains(20001));
        QVERIFY(search(QStringLiteral("4-0")).contains(20001));
        QVERIFY(!search(QStringLiteral("3-2")).contains(20001)); // a 3 and a 2, far apart
    }

    void partsAreAnded()
    {
        insert(30001, QStringLiteral("养老机构的服务质量"));
        QVERIFY(search(QStringLiteral("养老 质量")).contains(30001));
        QVERIFY(search(QStringLiteral("养老\u3000质量"))
                    .contains(30001)); // the input methods' full-width space
        QVERIFY(!search(QStringLiteral("养老 电梯")).contains(30001));
    }

    void hostileQueriesAreQuoted()
    {
        // Only quoted folded letters and digits reach FTS5: a quote separates units.
        QCOMPARE(searchMatchExpression(QStringLiteral("A\"b")), QStringLiteral("\"a\" \"b\""));
        QCOMPARE(searchMatchExpression(QStringLiteral("代表大会")),
                 QStringLiteral("\"代表\" \"表大\" \"大会\""));
        QVERIFY(searchMatchExpression(QStringLiteral("  ，。 ")).isEmpty());
        search(QStringLiteral("NEAR(a b) OR \"x AND *")); // must not be an FTS syntax error
        QCOMPARE(search(QStringLiteral("OR")), QList<qint64>{});
    }

    void highlightMarksEveryMatch()
    {
        QCOMPARE(highlightMatches(QStringLiteral("人大代表说：代表们好"), QStringLiteral("代表"),
                                  QStringLiteral("["), QStringLiteral("]")),
                 QStringLiteral("人大[代表]说：[代表]们好"));
        QCOMPARE(highlightMatches(QStringLiteral("编号A1栋"), QStringLiteral("a1 栋"),
                                  QStringLiteral("<b>"), QStringLiteral("</b>")),
                 QStringLiteral("编号<b>A1栋</b>"));
        QCOMPARE(highlightMatches(QStringLiteral("人大，代表"), QStringLiteral("大代"),
                                  QStringLiteral("["), QStringLiteral("]")),
                 QStringLiteral("人大，代表"));
    }

    void malformedUtf8DoesNotCrash()
    {
        const QByteArray bad("\xe4\xbd\xa0\xff\xfe\xe5\xa5", 7);
        const auto units = searchUnits(bad.constData(), static_cast<int>(bad.size()));
        QVERIFY(!units.isEmpty());
        QCOMPARE(units.first().folded, QStringLiteral("你"));
    }
};

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
