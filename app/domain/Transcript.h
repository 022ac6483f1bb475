#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>

// What a speech-to-text engine hands back, whichever engine it was: segments of speech with
// their times, and, where the engine knows them, the words inside with times and confidence.
// Times are milliseconds from the start of the clip; confidence is 0..1, or -1 when the engine
// gives none. A domain type because it crosses the wire too (the server's engine sends it in
// transcript records, docs/protocol.md section 14).
struct TranscriptWord
{
    QString text;
    qint64 startMs = 0;
    qint64 endMs = 0;
    double confidence = -1;
};

struct TranscriptSegment
{
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString text; // may be empty: an engine that only finds where speech is
    double confidence = -1;
    QList<TranscriptWord> words;
};

struct Transcript
{
    QString engineId;
    QString language; // BCP 47, e.g. "zh-CN", "en-US"
    QList<TranscriptSegment> segments;

    // The segments' text joined for reading: no space between Chinese segments, one between
    // others.
    QString text() const;

    // The segments (with their words) as the wire carries them; fromJson skips entries that are
    // not objects and clamps times that run backwards, so a bad record cannot break a reader.
    QJsonArray segmentsJson() const;
    static QList<TranscriptSegment> segmentsFromJson(const QJsonArray &json);
};
