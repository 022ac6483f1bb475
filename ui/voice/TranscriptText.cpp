#include "TranscriptText.h"

#include <QPainter>
#include <QTextLayout>

namespace {

bool isCjk(QChar c)
{
    return c.unicode() >= 0x2E80;
}

// Lines of `text` wrapped to `width`, positioned from (0, 0).
void lay(QTextLayout &layout, int width)
{
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    qreal y = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout.endLayout();
}

} // namespace

TranscriptText::TranscriptText(const QVariantList &words)
{
    for (const QVariant &value : words) {
        const QVariantMap w = value.toMap();
        Word word{w.value(QStringLiteral("text")).toString(),
                  w.value(QStringLiteral("startMs")).toLongLong(),
                  w.value(QStringLiteral("endMs")).toLongLong(), 0, 0};
        if (word.text.isEmpty())
            continue;
        if (!m_text.isEmpty() && !(isCjk(m_text.back()) && isCjk(word.text.front())))
            m_text += QLatin1Char(' ');
        word.from = int(m_text.size());
        word.length = int(word.text.size());
        m_text += word.text;
        m_words << word;
    }
}

int TranscriptText::height(const QFont &font, int width) const
{
    QTextLayout layout(m_text, font);
    lay(layout, width);
    return qCeil(layout.boundingRect().height());
}

void TranscriptText::paint(QPainter *painter, const QRect &rect, const QFont &font,
                           qint64 playingMs, const QColor &highlight) const
{
    QTextLayout layout(m_text, font);
    lay(layout, rect.width());
    QList<QTextLayout::FormatRange> formats;
    for (const Word &word : m_words) {
        if (playingMs >= word.startMs && playingMs < word.endMs) {
            QTextLayout::FormatRange range;
            range.start = word.from;
            range.length = word.length;
            range.format.setBackground(highlight);
            formats << range;
        }
    }
    layout.draw(painter, rect.topLeft(), formats);
}

const TranscriptText::Word *TranscriptText::wordAt(const QRect &rect, const QFont &font,
                                                   const QPoint &point) const
{
    if (!rect.contains(point))
        return nullptr;
    QTextLayout layout(m_text, font);
    lay(layout, rect.width());
    const QPointF at = point - rect.topLeft();
    for (int i = 0; i < layout.lineCount(); ++i) {
        const QTextLine line = layout.lineAt(i);
        if (at.y() < line.y() || at.y() >= line.y() + line.height())
            continue;
        const int position = line.xToCursor(at.x(), QTextLine::CursorOnCharacter);
        for (const Word &word : m_words) {
            if (position >= word.from && position < word.from + word.length)
                return &word;
        }
    }
    return nullptr;
}
