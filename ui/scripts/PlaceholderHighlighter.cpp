#include "PlaceholderHighlighter.h"

#include "app/scripts/ScriptPlaceholders.h"
#include "ui/common/StatusColours.h"

PlaceholderHighlighter::PlaceholderHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    m_unfilled.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    QColor error = StatusColours::of(StatusColours::Meaning::Error, QPalette());
    m_unfilled.setUnderlineColor(error);
    // Translucent, so that the text under it stays readable.
    error.setAlpha(0x30);
    m_unfilled.setBackground(error);
}

void PlaceholderHighlighter::highlightBlock(const QString &text)
{
    const auto spans = ScriptPlaceholders::spans(text);
    for (const auto &[start, length] : spans)
        setFormat(start, length, m_unfilled);
}
