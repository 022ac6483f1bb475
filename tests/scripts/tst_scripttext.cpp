// Reply scripts as text, as an officer meets them: what a script turns into in the composer,
// what survives a trip through a spreadsheet, which files are refused and why, which rows are
// rejected, and what a Latin-keyboard search matches.
#include "app/scripts/PinyinInitials.h"
#include "app/scripts/ScriptPlaceholders.h"
#include "app/scripts/ScriptTransfer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringEncoder>
#include <QTest>

namespace {

PlaceholderContext wangWei()
{
    PlaceholderContext c;
    c.representativeName = QStringLiteral("王伟");
    c.representativeTitle = QStringLiteral("代表");
    c.delegationOrSector = QStringLiteral("浦东新区代表团");
    c.department = QStringLiteral("市教委");
    c.responderName = QStringLiteral("李明");
    c.consultationNumber = QStringLiteral("1024");
    c.today = QDate(2026, 11, 5);
    return c;
}

// The cells as a spreadsheet program reads them (RFC 4180), apostrophes and all.
QList<QStringList> spreadsheetCells(const QString &text)
{
    QList<QStringList> rows{{}};
    QString cell;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        if (quoted && c == u'"' && next == u'"') {
            cell += c;
            ++i;
        } else if (c == u'"') {
            quoted = !quoted;
        } else if (!quoted && c == u',') {
            rows.last() << cell;
            cell.clear();
        } else if (!quoted && c == u'\r' && next == u'\n') {
            rows.last() << cell;
            cell.clear();
            rows.append(QStringList());
            ++i;
        } else {
            cell += c;
        }
    }
    if (rows.last().isEmpty() && cell.isEmpty())
        rows.removeLast();
    return rows;
}

ReplyScript script(const QString &title, const QString &body)
{
    ReplyScript s;
    s.title = title;
    s.body = body;
    return s;
}

ScriptTransfer::ImportResult imported(const QByteArray &data, ScriptTransfer::Format format)
{
    const auto result = ScriptTransfer::importScripts(data, format);
    if (!result)
        qWarning() << "refused:" << result.error();
    return result ? result.value() : ScriptTransfer::ImportResult{};
}

QList<int> rowsOf(const ScriptTransfer::ImportResult &result)
{
    QList<int> rows;
    for (const auto &s : result.scripts)
        rows << s.row;
    return rows;
}

QList<int> rowsOf(const QList<ScriptTransfer::Rejection> &rejected)
{
    QList<int> rows;
    for (const auto &r : rejected)
        rows << r.row;
    return rows;
}

} // namespace

class TstScriptText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fillsChineseAndEnglishNames()
    {
        const FilledScript filled = ScriptPlaceholders::fill(
            QStringLiteral(
                "{代表姓名}{称谓}（{代表团}）：您好！{ Name }{TITLE}，{sector}。"
                "{部门}{承办人}答复第{编号}号，{department}/{responder}/{number}/{界别}"),
            wangWei());
        QCOMPARE(filled.text,
                 QStringLiteral("王伟代表（浦东新区代表团）：您好！王伟代表，浦东新区代"
                                "表团。市教委李明答复第1024号，市教委/李明/1024/浦东新区"
                                "代表团"));
        QVERIFY(filled.unfilled.isEmpty());
    }

    void keepsAndReportsUnknownPlaceholders()
    {
        const FilledScript filled = ScriptPlaceholders::fill(
            QStringLiteral("{代表姓名}您好，{提案号}已办结，见{ref_no}；{提案号}"), wangWei());
        QCOMPARE(filled.text, QStringLiteral("王伟您好，{提案号}已办结，见{ref_no}；{提案号}"));
        QCOMPARE(filled.unfilled,
                 QStringList({QStringLiteral("{提案号}"), QStringLiteral("{ref_no}")}));
    }

    void keepsAndReportsKnownPlaceholdersWithoutValue()
    {
        PlaceholderContext context = wangWei();
        context.representativeName.clear();
        context.consultationNumber.clear();
        const FilledScript filled = ScriptPlaceholders::fill(
            QStringLiteral("{称谓}{代表姓名}，第{ number }号，{代表姓名}"), context);
        QCOMPARE(filled.text, QStringLiteral("代表{代表姓名}，第{ number }号，{代表姓名}"));
        QCOMPARE(filled.unfilled,
                 QStringList({QStringLiteral("{代表姓名}"), QStringLiteral("{ number }")}));
    }

    void writesTheDateInTheScriptsLanguage()
    {
        QCOMPARE(ScriptPlaceholders::fill(QStringLiteral("日期：{日期}"), wangWei()).text,
                 QStringLiteral("日期：2026年11月5日"));
        QCOMPARE(ScriptPlaceholders::fill(QStringLiteral("Dated {date}."), wangWei()).text,
                 QStringLiteral("Dated 5 November 2026."));
        QCOMPARE(ScriptPlaceholders::fill(QStringLiteral("谢谢 {date}"), wangWei()).text,
                 QStringLiteral("谢谢 2026年11月5日"));
    }

    void leavesBracesThatAreNoPlaceholders()
    {
        const QString text = QStringLiteral(
            "{\"a\": 1} { {} { } {这是一段超过二十四个字的说明文字而不是占位符请保持原样不要动} "
            "{a/b} 末尾{");
        const FilledScript filled = ScriptPlaceholders::fill(text, wangWei());
        QCOMPARE(filled.text, text);
        QVERIFY(filled.unfilled.isEmpty());
        QVERIFY(ScriptPlaceholders::spans(text).isEmpty());
    }

    void spansCoverEveryPlaceholder()
    {
        const QString text = QStringLiteral("{name}，{未知}和{{x}}");
        const QList<QPair<int, int>> expected{{0, 6}, {7, 4}, {13, 3}};
        QCOMPARE(ScriptPlaceholders::spans(text), expected);
    }

    void doesNotExpandBracesInValues()
    {
        PlaceholderContext context = wangWei();
        context.representativeName = QStringLiteral("{称谓}{x}");
        const FilledScript filled =
            ScriptPlaceholders::fill(QStringLiteral("{代表姓名}{称谓}"), context);
        QCOMPARE(filled.text, QStringLiteral("{称谓}{x}代表"));
        QVERIFY(filled.unfilled.isEmpty());
    }

    void offersTheKnownPlaceholders()
    {
        const QList<ScriptPlaceholders::Placeholder> known = ScriptPlaceholders::known();
        QCOMPARE(known.size(), 7);
        QCOMPARE(known.first().chinese, QStringLiteral("代表姓名"));
        QCOMPARE(known.first().english, QStringLiteral("name"));
        for (const auto &placeholder : known)
            QVERIFY(!placeholder.description.isEmpty());
    }

    void csvExportKeepsFormulasText()
    {
        ReplyScript s = script(QStringLiteral("=HYPERLINK(\"http://x\")"), QStringLiteral("+1"));
        s.category = QStringLiteral("-分类");
        s.tags = QStringList{QStringLiteral("@tag")};
        const QByteArray csv = ScriptTransfer::exportScripts(
            {s, script(QStringLiteral("普通"), QStringLiteral("a,b"))},
            ScriptTransfer::Format::Csv);
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        QVERIFY(csv.contains("\r\n"));
        const QList<QStringList> rows = spreadsheetCells(QString::fromUtf8(csv.mid(3)));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0),
                 QString::fromLatin1("title,body,category,tags,valid_until,scope").split(u','));
        QCOMPARE(rows.at(1).at(0), QStringLiteral("'=HYPERLINK(\"http://x\")"));
        QCOMPARE(rows.at(1).at(1), QStringLiteral("'+1"));
        QCOMPARE(rows.at(1).at(2), QStringLiteral("'-分类"));
        QCOMPARE(rows.at(1).at(3), QStringLiteral("'@tag"));
        QCOMPARE(rows.at(2).at(0), QStringLiteral("普通"));
        QCOMPARE(rows.at(2).at(1), QStringLiteral("a,b"));
        QCOMPARE(rows.at(2).at(5), QStringLiteral("personal"));
    }

    void roundTrip_data()
    {
        QTest::addColumn<ScriptTransfer::Format>("format");
        QTest::newRow("csv") << ScriptTransfer::Format::Csv;
        QTest::newRow("json") << ScriptTransfer::Format::Json;
    }

    void roundTrip()
    {
        QFETCH(ScriptTransfer::Format, format);
        ReplyScript a = script(QStringLiteral("医保异地就医备案"),
                               QStringLiteral("{代表姓名}{称谓}：您好！\n关于“异地就医”，"
                                              "请登录\"随申办\"，\r\n逐项填写, 谢谢。"));
        a.category = QStringLiteral("医疗保障");
        a.tags = QStringList{QStringLiteral("医保"), QStringLiteral("异地")};
        a.validUntil = QDate(2027, 3, 31);
        a.scope = ReplyScript::Scope::Department;
        ReplyScript b = script(QStringLiteral("-5% 的说明"), QStringLiteral("=1+1 不是公式"));
        const QList<ReplyScript> scripts{a, b};

        const auto result =
            ScriptTransfer::importScripts(ScriptTransfer::exportScripts(scripts, format), format);
        QVERIFY2(result, result ? "" : qPrintable(result.error()));
        QVERIFY(result->rejected.isEmpty());
        QCOMPARE(result->scripts.size(), 2);
        for (int i = 0; i < 2; ++i) {
            const ReplyScript &in = result->scripts.at(i).script;
            QCOMPARE(result->scripts.at(i).row, i + 1);
            QCOMPARE(in.title, scripts.at(i).title);
            QCOMPARE(in.body, scripts.at(i).body);
            QCOMPARE(in.category, scripts.at(i).category);
            QCOMPARE(in.tags, scripts.at(i).tags);
            QCOMPARE(in.validUntil, scripts.at(i).validUntil);
            QCOMPARE(in.scope, scripts.at(i).scope);
            QVERIFY(in.clientId.isEmpty());
            QCOMPARE(in.id, qint64(0));
        }
    }

    void refusesFilesThatAreNotUtf8_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("invalid bytes")
            << QByteArray("title,body\r\nA,\xC3\x28\xFF\r\n") << QStringLiteral("UTF-8");
        // 标题,正文 / 医保,异地 as a spreadsheet program on Chinese Windows saves them.
        QTest::newRow("gb18030") << QByteArray("\xB1\xEA\xCC\xE2,\xD5\xFD\xCE\xC4\r\n"
                                               "\xD2\xBD\xB1\xA3,\xD2\xEC\xB5\xD8\r\n")
                                 << QStringLiteral("UTF-8");
        QStringEncoder utf16(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
        const QByteArray utf16Text = utf16(QStringLiteral("title,body\r\n医保,异地\r\n"));
        QTest::newRow("utf-16") << utf16Text << QStringLiteral("UTF-16");
    }

    void refusesFilesThatAreNotUtf8()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, mentions);
        for (const auto format : {ScriptTransfer::Format::Csv, ScriptTransfer::Format::Json}) {
            const auto result = ScriptTransfer::importScripts(data, format);
            QVERIFY(!result);
            QVERIFY2(result.error().contains(mentions), qPrintable(result.error()));
            QVERIFY(result.error().contains(QStringLiteral("UTF-8")));
        }
    }

    void refusesCsvWithoutRequiredColumns()
    {
        const auto result = ScriptTransfer::importScripts(QByteArray("Title,category\r\nA,B\r\n"),
                                                          ScriptTransfer::Format::Csv);
        QVERIFY(!result);
        QVERIFY2(result.error().contains(QStringLiteral("body")), qPrintable(result.error()));
        QVERIFY2(!result.error().contains(QStringLiteral("title (")), qPrintable(result.error()));
        QVERIFY(!ScriptTransfer::importScripts(QByteArray(), ScriptTransfer::Format::Csv));
    }

    void readsChineseHeadersAndTagSeparators()
    {
        const auto result =
            imported(QStringLiteral("\xFEFF标题,正文,标签,范围,有效期至\r\n"
                                    "医保,异地就医,\"医保、异地；报销, 备案;\",部门,2027-01-31\n")
                         .toUtf8(),
                     ScriptTransfer::Format::Csv);
        QCOMPARE(result.scripts.size(), 1);
        const ReplyScript &s = result.scripts.first().script;
        QCOMPARE(s.tags, QStringList({QStringLiteral("医保"), QStringLiteral("异地"),
                                      QStringLiteral("报销"), QStringLiteral("备案")}));
        QCOMPARE(s.scope, ReplyScript::Scope::Department);
        QCOMPARE(s.validUntil, QDate(2027, 1, 31));
    }

    void rejectsOnlyTheRowsThatBreakALimit()
    {
        QByteArray csv = "title,body,category,tags,valid_until,scope\r\n"
                         "第一条,正文,,,,\r\n";
        csv += "第二条," + QByteArray(5000, 'x') + ",,,,\r\n";
        csv += "第三条,正文,,,2026/12/31,\r\n";
        csv += "第四条,正文\r\n";
        csv += "第五条,正文,,,,全体\r\n";
        csv += ",,,,,\r\n"; // what a spreadsheet program leaves below the table
        csv += "  ,正文,,,,\r\n";
        csv += "第八条,正文,," +
               QStringLiteral("一、二、三、四、五、六、七、八、九、十、十一").toUtf8() + ",,\r\n";
        csv += "第九条,正文,,,,personal";
        const auto result = imported(csv, ScriptTransfer::Format::Csv);
        QCOMPARE(rowsOf(result), QList<int>({1, 9}));
        QCOMPARE(rowsOf(result.rejected), QList<int>({2, 3, 4, 5, 7, 8}));
        auto reason = [&](int i) {
            return result.rejected.at(i).reason;
        };
        QVERIFY2(reason(0).contains(QStringLiteral("5000")), qPrintable(reason(0)));
        QVERIFY2(reason(1).contains(QStringLiteral("2026/12/31")), qPrintable(reason(1)));
        QVERIFY2(reason(2).contains(QStringLiteral("2")) && reason(2).contains(QStringLiteral("6")),
                 qPrintable(reason(2)));
        QVERIFY2(reason(3).contains(QStringLiteral("全体")), qPrintable(reason(3)));
        QVERIFY2(reason(5).contains(QStringLiteral("11")), qPrintable(reason(5)));
    }

    void refusesFilesOverTheLimits()
    {
        QByteArray big = "title,body\r\n";
        big += QByteArray(ScriptTransfer::maxFileBytes, 'x');
        QVERIFY(!ScriptTransfer::importScripts(big, ScriptTransfer::Format::Csv));

        QByteArray many = "title,body\r\n";
        for (int i = 0; i <= ScriptTransfer::maxRows; ++i)
            many += "t,b\r\n";
        const auto result = ScriptTransfer::importScripts(many, ScriptTransfer::Format::Csv);
        QVERIFY(!result);
        QVERIFY2(result.error().contains(QString::number(ScriptTransfer::maxRows)),
                 qPrintable(result.error()));
    }

    void rejectsJsonRowsOfTheWrongType()
    {
        const QJsonArray entries{
            QJsonObject{{QStringLiteral("title"), 5},
                        {QStringLiteral("body"), QStringLiteral("b")}},
            QJsonObject{{QStringLiteral("title"), QStringLiteral("t")},
                        {QStringLiteral("body"), QStringLiteral("b")},
                        {QStringLiteral("tags"), QStringLiteral("a,b")}},
            QJsonObject{{QStringLiteral("title"), QStringLiteral("标题")},
                        {QStringLiteral("body"), QStringLiteral("正文")},
                        {QStringLiteral("tags"), QJsonArray{QStringLiteral("医保")}}},
            QStringLiteral("not a script")};
        const auto result = imported(QJsonDocument(entries).toJson(), ScriptTransfer::Format::Json);
        QCOMPARE(rowsOf(result), QList<int>({3}));
        QCOMPARE(rowsOf(result.rejected), QList<int>({1, 2, 4}));
        QVERIFY(result.rejected.at(0).reason.contains(QStringLiteral("title")));
        QVERIFY(result.rejected.at(1).reason.contains(QStringLiteral("tags")));
    }

    void refusesJsonThatIsNoScriptList()
    {
        for (const char *json : {"{\"scripts\": [", "{\"format\": \"other\", \"scripts\": []}",
                                 "{\"format\": \"responder-console-scripts\", \"version\": 2, "
                                 "\"scripts\": []}"}) {
            QVERIFY2(!ScriptTransfer::importScripts(json, ScriptTransfer::Format::Json), json);
        }
    }

    void refusesBrokenQuotesWithTheirLine()
    {
        const auto unclosed = ScriptTransfer::importScripts(
            QByteArray("title,body\r\nA,b\r\n\r\nB,\"never closed\r\nC,d\r\n"),
            ScriptTransfer::Format::Csv);
        QVERIFY(!unclosed);
        QVERIFY2(unclosed.error().contains(QStringLiteral("line 4")), qPrintable(unclosed.error()));

        const auto stray = ScriptTransfer::importScripts(
            QByteArray("title,body\r\nA,\"quoted\r\ntext\"\r\nB,say \"hi\"\r\n"),
            ScriptTransfer::Format::Csv);
        QVERIFY(!stray);
        QVERIFY2(stray.error().contains(QStringLiteral("line 4")), qPrintable(stray.error()));
    }

    void picksTheFormatByFileName()
    {
        QCOMPARE(ScriptTransfer::formatForFile(QStringLiteral("话术.CSV")),
                 ScriptTransfer::Format::Csv);
        QCOMPARE(ScriptTransfer::formatForFile(QStringLiteral("scripts.json")),
                 ScriptTransfer::Format::Json);
        QCOMPARE(ScriptTransfer::formatForFile(QStringLiteral("scripts")),
                 ScriptTransfer::Format::Json);
    }

    void givesPinyinInitials()
    {
        PinyinInitials pinyin;
        QVERIFY(pinyin.isValid());
        QCOMPARE(pinyin.initials(QStringLiteral("医保异地就医")), QStringLiteral("ybydjy"));
        QCOMPARE(pinyin.initials(QStringLiteral("ABC医保")), QStringLiteral("abcyb"));
        QCOMPARE(pinyin.initials(QStringLiteral("重庆 Bank-2，说明")), QStringLiteral("cqbank2sm"));
        QCOMPARE(pinyin.initials(QStringLiteral("医保异地就医")), QStringLiteral("ybydjy"));
    }
};

QTEST_GUILESS_MAIN(TstScriptText)
#include "tst_scripttext.moc"
