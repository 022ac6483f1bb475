#include "PlaceholderHighlighter.h"

#include "app/scripts/ScriptPlaceholders.h"

PlaceholderHighlighter::PlaceholderHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    m_unfilled.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    m_unfilled.setUnderlineColor(QColor(0xd0, 0x1c, 0x1c));
    // Translucent, so that it reads on light and dark themes alike.
    m_unfilled.setBackground(QColor(0xd0, 0x1c, 0x1c, 0x30));
}

void PlaceholderHighlighter::highlightBlock(const QString &text)
{
    const auto spans = ScriptPlaceholders::spans(text);
    for (const auto &[start, length] : spans)
        setFormat(start, length, m_unfilled);
}
