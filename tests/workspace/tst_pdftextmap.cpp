// Text copied or searched from an exported PDF must be the characters shown: Qt's PDF writer
// maps glyphs shared with radicals (人/⼈, 门/⻔, 食/⻝) to the radical; PdfTextMap corrects it.
#include "app/workspace/PdfTextMap.h"

#include <QBuffer>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QRawFont>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QtTest>

namespace {
const QString sample =
    QStringLiteral("人大代表 政协委员 食品安全 门口 长期 一二三 工人 高 立 日 月 言论 "
                   "Elevator 2026 Office No. 12");

QFont cjkFont()
{
    QFont font(QStringLiteral("Noto Sans CJK SC"), 11);
    font.setStyleStrategy(QFont::PreferNoShaping); // as the export draws it
    return font;
}

QByteArray pdfOf(const QString &text)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        QTextDocument document;
        document.setDefaultFont(cjkFont());
        document.setPlainText(text);
        document.print(&writer);
    }
    return buffer.data();
}

// pdftotext's reading of a PDF, and whatever it complained about.
std::pair<QString, QString> extracted(const QByteArray &pdf, const QString &folder)
{
    const QString path = folder + QStringLiteral("/record.pdf");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size())
        return {};
    file.close();
    QProcess reader;
    reader.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    if (!reader.waitForFinished(20000) || reader.exitCode() != 0)
        return {QString(), QString::fromUtf8(reader.readAllStandardError())};
    return {QString::fromUtf8(reader.readAllStandardOutput()).simplified(),
            QString::fromUtf8(reader.readAllStandardError())};
}
} // namespace

class TestPdfTextMap : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is needed to read the PDF back");
        if (!QRawFont::fromFont(cjkFont()).supportsCharacter(QChar(u'人')))
            QSKIP("a CJK font (fonts-noto-cjk) is needed");
    }

    void radicalsAreMappedToTheIdeographsSharingTheirGlyph()
    {
        const auto map = PdfTextMap::ideographsForRadicals(QRawFont::fromFont(cjkFont()));
        QCOMPARE(map.value(u'⼈'), u'人');
        QCOMPARE(map.value(u'⼤'), u'大');
        QCOMPARE(map.value(u'⻔'), u'门');
        QCOMPARE(map.value(u'⻝'), u'食');
        QVERIFY(!map.contains(u'人')); // only radicals are touched
    }

    void extractedTextIsWhatWasShown()
    {
        QTemporaryDir folder;
        const auto map = PdfTextMap::ideographsForRadicals(QRawFont::fromFont(cjkFont()));
        const QByteArray corrected = PdfTextMap::withIdeographs(pdfOf(sample), map);
        const auto [text, complaints] = extracted(corrected, folder.path());
        QCOMPARE(text.left(sample.size()), sample); // and the page number
        // Same-length codes: the cross-reference table still points at every object.
        QVERIFY2(complaints.isEmpty(), qPrintable(complaints));
    }

    void aPdfWithoutRadicalsIsLeftAsItWas()
    {
        const QByteArray pdf = pdfOf(QStringLiteral("Consultation record 2026"));
        const auto map = PdfTextMap::ideographsForRadicals(QRawFont::fromFont(cjkFont()));
        QCOMPARE(PdfTextMap::withIdeographs(pdf, map), pdf);
    }
};

QTEST_MAIN(TestPdfTextMap)
#include "tst_pdftextmap.moc"
