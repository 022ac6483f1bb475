// The words of a transcript under a voice bubble: joined for reading (a space between English
// words, none between Chinese ones), the word being played drawn highlighted, and the word
// under a click found with its time, however the text wraps.
#include "ui/voice/TranscriptText.h"

#include <QFontMetrics>
#include <QImage>
#include <QPainter>
#include <QTest>

namespace {
QVariantList words(const QList<std::tuple<QString, qint64, qint64>> &list)
{
    QVariantList out;
    for (const auto &[text, start, end] : list)
        out << QVariantMap{{QStringLiteral("text"), text},
                           {QStringLiteral("startMs"), start},
                           {QStringLiteral("endMs"), end}};
    return out;
}
} // namespace

class TestTranscriptText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void joinsByScript()
    {
        QCOMPARE(TranscriptText(words({{QStringLiteral("housing"), 0, 400},
                                       {QStringLiteral("subsidy"), 400, 900}}))
                     .text(),
                 QStringLiteral("housing subsidy"));
        QCOMPARE(TranscriptText(
                     words({{QStringLiteral("住房"), 0, 400}, {QStringLiteral("补贴"), 400, 900}}))
                     .text(),
                 QStringLiteral("住房补贴"));
    }

    void aClickFindsTheWordAndItsTimeOnAnyLine()
    {
        const TranscriptText text(words({{QStringLiteral("how"), 100, 300},
                                         {QStringLiteral("many"), 300, 600},
                                         {QStringLiteral("families"), 600, 1100},
                                         {QStringLiteral("applied"), 1100, 1500}}));
        QFont font;
        const QFontMetrics fm(font);
        // Narrow enough that "applied" wraps to a line of its own.
        const int width = fm.horizontalAdvance(QStringLiteral("how many families")) + 4;
        const QRect rect(10, 20, width, text.height(font, width));
        QVERIFY(rect.height() >= 2 * fm.height());
        const QPoint onMany(10 + fm.horizontalAdvance(QStringLiteral("how m")),
                            20 + fm.height() / 2);
        const TranscriptText::Word *many = text.wordAt(rect, font, onMany);
        QVERIFY(many);
        QCOMPARE(many->startMs, 300);
        const QPoint onApplied(10 + fm.horizontalAdvance(QStringLiteral("app")),
                               20 + fm.height() + fm.height() / 2);
        const TranscriptText::Word *applied = text.wordAt(rect, font, onApplied);
        QVERIFY(applied);
        QCOMPARE(applied->startMs, 1100);
        QVERIFY(!text.wordAt(rect, font, QPoint(5, 5))); // outside
    }

    void theWordBeingPlayedIsHighlighted()
    {
        const TranscriptText text(
            words({{QStringLiteral("how"), 100, 300}, {QStringLiteral("many"), 300, 600}}));
        QFont font;
        const QRect rect(0, 0, 300, text.height(font, 300));
        const auto highlighted = [&](qint64 playingMs) {
            QImage image(rect.size(), QImage::Format_RGB32);
            image.fill(Qt::white);
            QPainter painter(&image);
            text.paint(&painter, rect, font, playingMs, QColor(Qt::yellow));
            painter.end();
            // Yellow pixels over the first word and over the second (the space between them is
            // left out: either highlight may reach into it).
            const QFontMetrics fm(font);
            const int firstEnds = fm.horizontalAdvance(QStringLiteral("how")) - 1;
            const int secondStarts = fm.horizontalAdvance(QStringLiteral("how ")) + 1;
            int left = 0;
            int right = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    if (image.pixelColor(x, y) == QColor(Qt::yellow)) {
                        if (x < firstEnds)
                            ++left;
                        else if (x > secondStarts)
                            ++right;
                    }
            return std::make_pair(left, right);
        };
        QVERIFY(highlighted(150).first > 0 && highlighted(150).second == 0);
        QVERIFY(highlighted(450).first == 0 && highlighted(450).second > 0);
        QCOMPARE(highlighted(-1), std::make_pair(0, 0));
    }
};

QTEST_MAIN(TestTranscriptText)
#include "tst_transcripttext.moc"
