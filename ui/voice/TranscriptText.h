#pragma once

#include <QFont>
#include <QList>
#include <QRect>
#include <QString>
#include <QVariantList>

class QPainter;

// The text under a voice bubble, laid out word by word when the engine gave word times: the
// word being played is highlighted, and a click on a word finds its time (the conversation
// seeks there). Laid out with QTextLayout, so that painting, measuring and hit-testing wrap the
// same way.
class TranscriptText
{
public:
    struct Word
    {
        QString text;
        qint64 startMs = 0;
        qint64 endMs = 0;
        int from = 0; // characters of text() the word covers
        int length = 0;
    };

    // From TranscriptWordsRole's list of {text, startMs, endMs}.
    explicit TranscriptText(const QVariantList &words);
    bool isEmpty() const { return m_words.isEmpty(); }
    // The words joined for reading: a space between words, none between Chinese ones.
    const QString &text() const { return m_text; }

    int height(const QFont &font, int width) const;
    // `playingMs` < 0: nothing is playing.
    void paint(QPainter *painter, const QRect &rect, const QFont &font, qint64 playingMs,
               const QColor &highlight) const;
    // The word under `point` (inside `rect`), or nothing.
    const Word *wordAt(const QRect &rect, const QFont &font, const QPoint &point) const;

private:
    QList<Word> m_words;
    QString m_text;
};
