#pragma once

#include <QSyntaxHighlighter>

// Marks the placeholders still in a reply ({代表姓名}, {name}, or any other in braces): a
// script inserted where a value was not known leaves them there, and they must not be sent.
class PlaceholderHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit PlaceholderHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_unfilled;
};
