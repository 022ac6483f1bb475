// Search results show the text around the first match, escaped, with the matches in bold.
#include "app/workspace/SearchSnippet.h"

#include <QtTest>

class TestSearchSnippet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void marksEveryMatchAndEscapesTheRest()
    {
        QCOMPARE(searchSnippet(QStringLiteral("<b>电梯</b> & 电梯"), QStringLiteral("电梯")),
                 QStringLiteral("&lt;b&gt;<b>电梯</b>&lt;/b&gt; &amp; <b>电梯</b>"));
    }

    void foldsLikeTheIndex()
    {
        QCOMPARE(searchSnippet(QStringLiteral("编号ＡＢ１２"), QStringLiteral("ab12")),
                 QStringLiteral("编号<b>ＡＢ１２</b>"));
    }

    void longTextIsCutAroundTheFirstMatch()
    {
        const QString text = QString(200, u'甲') + QStringLiteral("补贴") + QString(200, u'乙');
        const QString snippet = searchSnippet(text, QStringLiteral("补贴"), 60);
        QVERIFY(snippet.startsWith(QStringLiteral("…")));
        QVERIFY(snippet.endsWith(QStringLiteral("…")));
        QVERIFY(snippet.contains(QStringLiteral("<b>补贴</b>")));
        QVERIFY(snippet.size() < 80);
    }

    void aMatchCutByTheWindowStillCloses()
    {
        const QString text = QStringLiteral("电梯") + QString(10, u'乙');
        const QString snippet = searchSnippet(text, QStringLiteral("电梯乙乙乙"), 3);
        QCOMPARE(snippet.count(QStringLiteral("<b>")), snippet.count(QStringLiteral("</b>")));
    }

    void noMatchShowsTheStart()
    {
        QCOMPARE(searchSnippet(QStringLiteral("line one\\nline two"), QString()),
                 QStringLiteral("line one\\nline two"));
        QCOMPARE(searchSnippet(QStringLiteral("a\nb"), QString()), QStringLiteral("a b"));
    }
};

QTEST_GUILESS_MAIN(TestSearchSnippet)
#include "tst_searchsnippet.moc"
